"""A valid activity POST, and the messages of a response."""

import datetime

from django.utils import timezone

from inklusi.activities.models import Category


def activity_data(library=None, **changes):
    """What the form posts for a small literacy activity of last week, with `changes`."""
    data = {
        "title": "Dongeng bersama",
        "category": Category.objects.get(slug="literacy").pk,
        "starts_on": (timezone.localdate() - datetime.timedelta(days=3)).isoformat(),
        "ends_on": "",
        "place": "Balai desa",
        "facilitator": "Bu Sari",
        "partners": "PKK",
        "description": "Anak-anak mendengarkan dongeng.",
        "participants_female": "12",
        "participants_male": "8",
        "participants_children": "",
        "participants_youth": "",
        "participants_adults": "",
        "participants_elderly": "",
        "participants_disability": "",
        "participants_low_income": "",
        "participants_out_of_school": "",
        "volunteers": "",
        "cost": "",
        "funding_source": "none",
        "outcome": "",
        "follow_up": "",
        "facebook_url": "",
        "instagram_url": "",
        "youtube_url": "",
        "tiktok_url": "",
        "whatsapp_url": "",
        "action": "draft",
    }
    if library is not None:
        data["library"] = library.pk
    data.update(changes)
    return data


def edit_data(activity, **changes):
    """What the edit form posts for `activity` unchanged (its photos as they are)."""
    data = {
        name: "" if value is None else value
        for name, value in (
            ("library", activity.library_id),
            ("title", activity.title),
            ("category", activity.category_id),
            ("starts_on", activity.starts_on.isoformat()),
            ("ends_on", activity.ends_on.isoformat() if activity.ends_on else ""),
        )
    }
    for name in activity_data():
        if name not in data and name != "action":
            data[name] = getattr(activity, name)
    photos = list(activity.photos.all())
    data.update(
        {
            "photo-TOTAL_FORMS": len(photos),
            "photo-INITIAL_FORMS": len(photos),
            "photo-MIN_NUM_FORMS": 0,
            "photo-MAX_NUM_FORMS": 1000,
        }
    )
    for i, photo in enumerate(photos):
        data[f"photo-{i}-id"] = photo.pk
        data[f"photo-{i}-caption"] = photo.caption
        if photo.consent_to_publish:
            data[f"photo-{i}-consent_to_publish"] = "on"
    data["action"] = "publish" if activity.is_published else "draft"
    data.update(changes)
    return data


def messages_of(response):
    return [str(m) for m in response.context["messages"]]
