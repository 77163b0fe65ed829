"""Publishing, unpublishing and deleting: POST only, inside the editing area."""

import pytest
from django.urls import reverse

from inklusi.activities import services as activity_services
from inklusi.activities.models import Activity, ActivityPhoto, Review, Status
from inklusi.activities.photos import add_photo, prepare_photo
from inklusi.testing.factories import ActivityFactory
from inklusi.testing.photos import jpeg_with_gps, upload


@pytest.fixture
def activity(libraries):
    return ActivityFactory(library=libraries.air_batu, status=Status.DRAFT, published_at=None)


def post(client, name, activity):
    return client.post(reverse(f"activities:{name}", args=[activity.pk]))


def test_publish_and_unpublish(people, login, activity):
    client = login(people.manager)
    assert post(client, "publish", activity)["Location"] == activity.get_absolute_url()
    activity.refresh_from_db()
    assert activity.status == Status.PUBLISHED and activity.published_at
    post(client, "unpublish", activity)
    activity.refresh_from_db()
    assert activity.status == Status.DRAFT


def test_publishing_again_after_a_send_back_awaits_verification(people, login, activity):
    activity_services.publish(activity, people.admin)
    activity_services.send_back(activity, people.regency, "Foto kurang jelas")
    post(login(people.manager), "publish", activity)
    activity.refresh_from_db()
    assert activity.review == Review.PENDING and activity.status == Status.PUBLISHED


def test_delete_removes_the_activity_and_its_photo_files(
    people, login, activity, django_capture_on_commit_callbacks
):
    photo = add_photo(activity, prepare_photo(upload(jpeg_with_gps((64, 48)))))
    path = photo.image.path
    with django_capture_on_commit_callbacks(execute=True):
        response = post(login(people.regency), "delete", activity)
    assert response["Location"] == reverse("activities:list")
    assert not Activity.objects.exists() and not ActivityPhoto.objects.exists()
    import os

    assert not os.path.exists(path)


@pytest.mark.parametrize("name", ["publish", "unpublish", "delete"])
@pytest.mark.parametrize("who, status", [("charlie", 404), ("viewer", 404), ("nobody", 404)])
def test_outside_the_editing_area(people, login, activity, name, who, status):
    assert post(login(getattr(people, who)), name, activity).status_code == status
    assert Activity.objects.get().status == Status.DRAFT


@pytest.mark.parametrize("name", ["publish", "unpublish", "delete"])
def test_get_is_405(people, login, activity, name):
    url = reverse(f"activities:{name}", args=[activity.pk])
    assert login(people.admin).get(url).status_code == 405
    assert Activity.objects.exists()


@pytest.mark.parametrize("name", ["publish", "unpublish", "delete"])
def test_bad_id_is_404(people, login, name):
    url = reverse(f"activities:{name}", args=[987654])
    assert login(people.admin).post(url).status_code == 404
