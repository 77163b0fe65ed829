"""A valid profile POST, a small photo, the messages of a response."""

from io import BytesIO

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image


def profile_data(library, assistance=(), **changes):
    """What the edit form posts for `library` unchanged, with `changes` applied.

    `assistance` are extra rows for the assistance formset (dicts of its fields).
    """
    data = {
        "name": library.name,
        "kind": library.kind,
        "region": library.region_id,
        "address": library.address,
        "latitude": "" if library.latitude is None else str(library.latitude),
        "longitude": "" if library.longitude is None else str(library.longitude),
        "npp": library.npp or "",
        "opening_hours": library.opening_hours,
        "whatsapp": library.whatsapp,
        "email": library.email,
        "website": library.website,
        "facebook": library.facebook,
        "instagram": library.instagram,
        "youtube": library.youtube,
        "tiktok": library.tiktok,
        "status": library.status,
        "cohort_year": library.cohort_year or "",
        "description": library.description,
    }
    existing = list(library.assistance.all()) if library.pk else []
    rows = [
        {
            "id": item.pk,
            "kind": item.kind,
            "description": item.description,
            "received_on": item.received_on.isoformat(),
            "provider": item.provider,
        }
        for item in existing
    ] + list(assistance)
    data.update(
        {
            "assistance-TOTAL_FORMS": len(rows),
            "assistance-INITIAL_FORMS": len(existing),
            "assistance-MIN_NUM_FORMS": 0,
            "assistance-MAX_NUM_FORMS": 1000,
        }
    )
    for i, row in enumerate(rows):
        for key, value in row.items():
            data[f"assistance-{i}-{key}"] = value
    data.update(changes)
    return data


def new_library_data(region_code, **changes):
    data = {
        "name": "Perpustakaan Desa Baru",
        "kind": "village",
        "region": region_code,
        "address": "Jl. Merdeka 1",
        "latitude": "",
        "longitude": "",
        "npp": "",
        "opening_hours": "",
        "whatsapp": "",
        "email": "",
        "website": "",
        "facebook": "",
        "instagram": "",
        "youtube": "",
        "tiktok": "",
        "status": "candidate",
        "cohort_year": "",
        "description": "",
    }
    data.update(changes)
    return data


def photo(name="sampul.jpg", size=(800, 600), fmt="JPEG"):
    out = BytesIO()
    Image.new("RGB", size, (200, 120, 40)).save(out, fmt)
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/jpeg")


def messages_of(response):
    return [str(m) for m in response.context["messages"]]
