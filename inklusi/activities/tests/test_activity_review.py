"""Verifying and sending back: coordinators of the library's region, not its manager."""

import re

import pytest
from django.urls import reverse

from inklusi.activities import services as activity_services
from inklusi.activities.models import Review, Status
from inklusi.testing.factories import ActivityFactory

from .helpers import messages_of


@pytest.fixture
def activity(libraries):
    return ActivityFactory(library=libraries.air_batu)


def verify(client, activity):
    return client.post(reverse("activities:verify", args=[activity.pk]), follow=True)


def send_back(client, activity, comment):
    url = reverse("activities:send_back", args=[activity.pk])
    return client.post(url, {"comment": comment}, follow=True)


@pytest.mark.parametrize("who", ["admin", "province", "regency", "facilitator"])
def test_coordinators_of_the_region_verify(people, login, activity, who):
    response = verify(login(getattr(people, who)), activity)
    assert response.redirect_chain[-1][0] == activity.get_absolute_url()
    assert "is verified" in messages_of(response)[0]
    activity.refresh_from_db()
    assert activity.review == Review.VERIFIED
    assert activity.reviewed_by == getattr(people, who)


def test_send_back_with_a_comment(people, login, activity):
    response = send_back(login(people.regency), activity, "  Jumlah peserta tidak cocok.  ")
    assert "sent back" in messages_of(response)[0]
    activity.refresh_from_db()
    assert activity.review == Review.RETURNED
    assert activity.review_comment == "Jumlah peserta tidak cocok."
    assert activity.status == Status.DRAFT


@pytest.mark.parametrize("comment", ["", "   ", "a\x00b", "x" * 3000])
def test_send_back_needs_a_sensible_comment(people, login, activity, comment):
    response = send_back(login(people.regency), activity, comment)
    assert response.status_code == 200
    assert response.redirect_chain == []  # the page itself, not a redirect
    form = response.context["send_back_form"]
    assert form.errors["comment"]  # says what is wrong, beside the box
    content = response.content.decode()
    assert content.index(form.errors["comment"][0].replace("’", "&#x27;")[:10]) > content.index(
        'id="review"'
    )
    if comment.strip() and "\x00" not in comment:
        assert comment.strip() in content  # what was typed stays
    activity.refresh_from_db()
    assert activity.review == Review.PENDING and activity.status == Status.PUBLISHED


def test_a_draft_cannot_be_verified(people, login, activity):
    activity_services.unpublish(activity, people.admin)
    response = verify(login(people.regency), activity)
    assert "Only a published activity can be verified." in messages_of(response)
    activity.refresh_from_db()
    assert activity.review == Review.PENDING


@pytest.mark.parametrize("who", ["manager", "viewer"])
def test_the_library_and_read_only_users_may_not_review(people, login, activity, who):
    client = login(getattr(people, who))
    assert verify(client, activity).status_code == 403
    assert send_back(client, activity, "Tidak").status_code == 403
    activity.refresh_from_db()
    assert activity.review == Review.PENDING


def test_charlie_gets_404(people, login, activity):
    client = login(people.charlie)
    assert verify(client, activity).status_code == 404
    assert send_back(client, activity, "Tidak").status_code == 404


@pytest.mark.parametrize("name", ["verify", "send_back"])
def test_get_is_405_and_bad_id_404(people, login, activity, name):
    client = login(people.admin)
    assert client.get(reverse(f"activities:{name}", args=[activity.pk])).status_code == 405
    assert client.post(reverse(f"activities:{name}", args=[987654])).status_code == 404


def test_verify_and_next_opens_the_next_activity_waiting(people, login, activity, libraries):
    older = ActivityFactory(
        library=libraries.banyuasin, starts_on=activity.starts_on.replace(day=1)
    )
    outside = ActivityFactory(library=libraries.kemang_manis)  # Palembang: not this reviewer's
    client = login(people.regency)
    page = client.get(activity.get_absolute_url()).content.decode()
    assert "Verify & next" in page
    url = reverse("activities:verify", args=[activity.pk])
    response = client.post(url, {"next": "1"}, follow=True)
    assert response.redirect_chain[-1][0] == older.get_absolute_url()
    activity.refresh_from_db()
    assert activity.review == Review.VERIFIED
    # The last one waiting: no "and next" button; the button's form still answers sensibly.
    assert "Verify & next" not in response.content.decode()
    response = client.post(
        reverse("activities:verify", args=[older.pk]), {"next": "1"}, follow=True
    )
    assert response.redirect_chain[-1][0].startswith(reverse("activities:list"))
    assert messages_of(response)[-1] == "No other activity awaits your verification."
    outside.refresh_from_db()
    assert outside.review == Review.PENDING


def test_an_activity_shows_one_status(people, login, activity):
    client = login(people.regency)
    assert badges(client, activity) == ["Awaiting verification"]
    activity_services.verify(activity, people.regency)
    assert badges(client, activity) == ["Verified"]
    activity_services.send_back(activity, people.regency, "Foto kurang.")
    assert badges(client, activity) == ["Sent back"]
    activity_services.publish(activity, people.manager)
    activity_services.unpublish(activity, people.manager)
    assert badges(client, activity) == ["Draft"]


def badges(client, activity):
    content = client.get(activity.get_absolute_url()).content.decode()
    heading = content[content.index("<h1>") : content.index("</p>", content.index("<h1>"))]
    return re.findall(r'<span class="badge badge-\w+">([^<]+)</span>', heading)
