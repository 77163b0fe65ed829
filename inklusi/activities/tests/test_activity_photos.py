"""Photos: re-encoded without location data before anything is saved, at most ten, and
managed one by one on the edit page."""

from pathlib import Path

import pytest
from django.urls import reverse
from PIL import Image

from inklusi.activities.models import Activity, ActivityPhoto
from inklusi.testing.factories import ActivityFactory
from inklusi.testing.photos import GPS_IFD, jpeg_with_gps, upload

from .helpers import activity_data, edit_data, messages_of

URL = reverse("activities:create")


def small_jpeg(name="foto.jpg"):
    return upload(jpeg_with_gps(size=(64, 48)), name=name)


def test_a_phone_photo_loses_its_location_and_is_scaled_down(people, login):
    data = activity_data(photos=[upload(jpeg_with_gps(), name="IMG_2024.jpg")], photos_consent="on")
    response = login(people.manager).post(URL, data)
    assert response.status_code == 302
    photo = ActivityPhoto.objects.get()
    assert photo.consent_to_publish
    with Image.open(photo.image.path) as image:
        assert max(image.size) <= 1600
        assert GPS_IFD not in image.getexif()
        assert not image.getexif()
    with Image.open(photo.thumbnail.path) as thumb:
        assert max(thumb.size) <= 480
    # Stored under a random name: nobody finds an unconsented photo by guessing IMG_2024.jpg.
    assert "IMG_2024" not in photo.image.name + photo.thumbnail.name
    assert photo.image.name != photo.thumbnail.name


def test_several_photos_at_once(people, login):
    data = activity_data(photos=[small_jpeg("a.jpg"), small_jpeg("b.jpg"), small_jpeg("c.jpg")])
    login(people.manager).post(URL, data)
    photos = list(Activity.objects.get().photos.all())
    assert [p.position for p in photos] == [0, 1, 2]
    assert not any(p.consent_to_publish for p in photos)


def test_a_file_that_is_not_a_photo_saves_nothing(people, login):
    data = activity_data(
        title="Kelas komputer",
        photos=[small_jpeg(), upload(b"%PDF-1.4 not a photo", name="surat.pdf")],
    )
    response = login(people.manager).post(URL, data)
    assert response.status_code == 200
    form = response.context["form"]
    assert form.has_error("photos")
    assert "surat.pdf: This file is not a photo" in response.text
    assert 'value="Kelas komputer"' in response.text
    assert any("choose the photos again" in m for m in messages_of(response))
    assert not Activity.objects.exists()
    assert not ActivityPhoto.objects.exists()


def test_a_photo_too_large_saves_nothing(people, login, settings):
    settings.MAX_IMAGE_UPLOAD_BYTES = 1000
    data = activity_data(title="Kelas komputer", photos=[upload(jpeg_with_gps(), name="besar.jpg")])
    response = login(people.manager).post(URL, data)
    assert response.status_code == 200
    assert "the largest accepted is" in response.text
    assert 'value="Kelas komputer"' in response.text
    assert not Activity.objects.exists()
    assert not ActivityPhoto.objects.exists()


def test_more_than_ten_photos_are_refused(people, login):
    data = activity_data(photos=[small_jpeg(f"{i}.jpg") for i in range(11)])
    response = login(people.manager).post(URL, data)
    assert response.status_code == 200
    assert "at most 10 photos" in response.text
    assert not Activity.objects.exists()


@pytest.fixture
def activity(libraries):
    return ActivityFactory(library=libraries.air_batu)


def edit(client, activity, **changes):
    return client.post(
        reverse("activities:edit", args=[activity.pk]), edit_data(activity, **changes)
    )


def test_captions_consent_and_deletion_on_the_edit_page(
    people, login, activity, django_capture_on_commit_callbacks
):
    client = login(people.manager)
    edit(client, activity, photos=[small_jpeg("a.jpg"), small_jpeg("b.jpg")])
    first, second = activity.photos.all()
    files = [Path(second.image.path), Path(second.thumbnail.path)]
    with django_capture_on_commit_callbacks(execute=True):
        response = edit(
            client,
            activity,
            **{
                "photo-0-caption": "Membaca di teras",
                "photo-0-consent_to_publish": "on",
                "photo-1-DELETE": "on",
            },
        )
    assert response.status_code == 302
    first.refresh_from_db()
    assert first.caption == "Membaca di teras" and first.consent_to_publish
    assert list(activity.photos.all()) == [first]
    assert not any(f.exists() for f in files)


def test_more_photos_up_to_ten_in_all(people, login, activity):
    client = login(people.manager)
    edit(client, activity, photos=[small_jpeg(f"{i}.jpg") for i in range(8)])
    response = edit(client, activity, photos=[small_jpeg(f"{i}.jpg") for i in range(3)])
    assert response.status_code == 200
    assert "it has 8 already" in response.text
    assert activity.photos.count() == 8
    # Deleting one in the same submit leaves room for three.
    response = edit(
        client,
        activity,
        photos=[small_jpeg("x.jpg"), small_jpeg("y.jpg"), small_jpeg("z.jpg")],
        **{"photo-0-DELETE": "on"},
    )
    assert response.status_code == 302
    assert activity.photos.count() == 10
