"""An activity's photos are served by address only while they are public (consented, the
activity published): unpublishing, sending back or withdrawing consent moves the files under
the private prefix at once, and the old address answers 404; inside the app the photos still
open, through the activity's scope check. Publishing again or giving consent brings them back."""

from pathlib import Path

import pytest
from django.core.files.storage import default_storage
from django.test import Client, RequestFactory
from django.urls import reverse

from inklusi.activities import services
from inklusi.activities.models import ActivityPhoto
from inklusi.core.storage import is_private, serve_public_media
from inklusi.testing.factories import ActivityFactory

from .helpers import activity_data, edit_data
from .test_activity_photos import small_jpeg


def by_address(name):
    try:
        return serve_public_media(RequestFactory().get("/media/" + name), name).status_code
    except Exception as error:
        assert type(error).__name__ == "Http404"
        return 404


def probe(photo, people):
    """Public by address, private names, shown on the public page, and the answer of the
    checked view to the manager and to charlie (outside Banyuasin)."""
    photo.refresh_from_db()
    public_page = Client().get(photo.activity.get_public_url())
    manager, charlie = Client(), Client()
    manager.force_login(people.manager)
    charlie.force_login(people.charlie)
    return {
        "by address": all(by_address(f.name) == 200 for f in (photo.image, photo.thumbnail)),
        "private names": all(is_private(f.name) for f in (photo.image, photo.thumbnail)),
        "public page": public_page.status_code == 200
        and Path(photo.image.name).name in public_page.text,
        "manager": manager.get(photo.get_absolute_url()).status_code,
        "outsider": charlie.get(photo.get_absolute_url()).status_code,
    }


PUBLIC = {
    "by address": True,
    "private names": False,
    "public page": True,
    "manager": 200,
    "outsider": 404,
}
PRIVATE = {
    "by address": False,
    "private names": True,
    "public page": False,
    "manager": 200,
    "outsider": 404,
}


@pytest.fixture
def published(people, libraries, login, django_capture_on_commit_callbacks):
    """A published activity of Air Batu with one consented photo, recorded by its manager."""
    with django_capture_on_commit_callbacks(execute=True):
        login(people.manager).post(
            reverse("activities:create"),
            activity_data(photos=[small_jpeg()], photos_consent="on", action="publish"),
        )
    return ActivityPhoto.objects.get()


def old_files_gone(names):
    return not any(default_storage.exists(name) for name in names)


@pytest.mark.parametrize("how", ["unpublish", "send back", "withdraw consent"])
def test_the_photo_leaves_its_address_at_once_and_comes_back(
    people, login, published, django_capture_on_commit_callbacks, how
):
    photo = published
    activity = photo.activity
    assert probe(photo, people) == PUBLIC
    before = [photo.image.name, photo.thumbnail.name]
    with django_capture_on_commit_callbacks(execute=True):
        if how == "unpublish":
            services.unpublish(activity, people.manager)
        elif how == "send back":
            services.send_back(activity, people.regency, "Foto kurang jelas")
        else:
            response = login(people.manager).post(
                reverse("activities:edit", args=[activity.pk]),
                {**edit_data(activity), "photo-0-consent_to_publish": ""},
            )
            assert response.status_code == 302
    assert probe(photo, people) == PRIVATE
    assert old_files_gone(before)
    assert all(by_address(name) == 404 for name in before)

    with django_capture_on_commit_callbacks(execute=True):
        if how == "withdraw consent":
            login(people.manager).post(
                reverse("activities:edit", args=[activity.pk]),
                {**edit_data(activity), "photo-0-consent_to_publish": "on"},
            )
        else:
            services.publish(activity, people.manager)
    assert probe(photo, people) == PUBLIC


def test_a_photo_without_consent_is_private_from_the_start(
    people, login, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        login(people.manager).post(
            reverse("activities:create"), activity_data(photos=[small_jpeg()], action="publish")
        )
    photo = ActivityPhoto.objects.get()
    assert not photo.consent_to_publish
    assert probe(photo, people) == PRIVATE


def test_a_drafts_photos_are_private_from_the_start(people, libraries):
    from inklusi.activities.photos import add_photo, prepare_photo

    activity = ActivityFactory(library=libraries.air_batu, status="draft")
    photo = add_photo(activity, prepare_photo(small_jpeg()), consent_to_publish=True)
    assert is_private(photo.image.name) and is_private(photo.thumbnail.name)
    assert Path(photo.image.path).exists()
