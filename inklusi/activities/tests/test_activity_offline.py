"""A record sent from a phone: the same client_key twice makes one activity; an edit against
an activity changed since its form was opened answers 409 with both versions."""

import uuid

import pytest
from django.urls import reverse

from inklusi.activities import services
from inklusi.activities.models import Activity
from inklusi.testing.factories import ActivityFactory
from inklusi.testing.photos import jpeg_with_gps, upload

from .helpers import activity_data, edit_data

CREATE = reverse("activities:create")


def test_the_same_key_twice_makes_one_activity(people, login, libraries):
    client = login(people.manager)
    key = str(uuid.uuid4())
    first = client.post(CREATE, activity_data(libraries.air_batu, client_key=key))
    again = client.post(CREATE, activity_data(libraries.air_batu, client_key=key))
    activity = Activity.objects.get()
    assert str(activity.client_key) == key
    assert first.status_code == again.status_code == 302
    assert first["Location"] == again["Location"] == activity.get_absolute_url()


def test_a_retry_with_a_photo_keeps_one_photo(people, login, libraries):
    client = login(people.manager)
    key = str(uuid.uuid4())
    for _ in range(2):
        data = activity_data(libraries.air_batu, client_key=key)
        data["photos"] = [upload(jpeg_with_gps(size=(800, 600)), name="foto.jpg")]
        client.post(CREATE, data)
    assert Activity.objects.get().photos.count() == 1


def test_the_form_carries_a_fresh_key(people, login):
    client = login(people.manager)
    page = client.get(CREATE).text
    assert 'name="client_key"' in page
    assert client.get(CREATE).text != page  # a new key each time the form opens


def test_another_users_key_makes_a_new_activity(people, login, libraries):
    key = str(uuid.uuid4())
    login(people.regency).post(CREATE, activity_data(libraries.air_batu, client_key=key))
    login(people.manager).post(CREATE, activity_data(libraries.air_batu, client_key=key))
    assert Activity.objects.count() == 2
    assert Activity.objects.filter(client_key=key).count() == 1


def test_a_bad_key_is_refused_not_a_500(people, login, libraries):
    data = activity_data(libraries.air_batu, client_key="not-a-uuid")
    response = login(people.manager).post(CREATE, data)
    assert response.status_code == 200
    assert Activity.objects.count() == 0


def test_the_service_returns_the_activity_made_with_the_key(people, libraries):
    made = ActivityFactory(
        library=libraries.air_batu, created_by=people.manager, client_key=uuid.uuid4()
    )
    again = ActivityFactory.build(
        library=libraries.air_batu, category=made.category, client_key=made.client_key
    )
    assert services.save_activity(again, people.manager) == made
    assert Activity.objects.count() == 1


@pytest.fixture
def activity(libraries, people):
    return ActivityFactory(library=libraries.air_batu, title="Kelas membaca")


def test_every_save_is_a_new_version(people, activity):
    assert activity.version == 1
    services.send_back(activity, people.regency, "Tambah foto")
    activity.refresh_from_db()
    assert activity.version == 2


def test_an_edit_of_a_changed_activity_is_a_409_with_both(people, login, activity):
    client = login(people.manager)
    page = client.get(reverse("activities:edit", args=[activity.pk])).text
    assert 'name="seen_version" value="1"' in page
    services.send_back(activity, people.regency, "Judul kurang jelas")
    data = edit_data(activity, title="Kelas membaca nyaring", seen_version="1")
    response = client.post(reverse("activities:edit", args=[activity.pk]), data)
    assert response.status_code == 409
    assert "Kelas membaca nyaring" in response.text  # theirs beside mine
    assert "Judul kurang jelas" in response.text
    activity.refresh_from_db()
    assert activity.title == "Kelas membaca"
    # "Keep mine": the page posts the same values on the server's version.
    data["seen_version"] = str(activity.version)
    assert client.post(reverse("activities:edit", args=[activity.pk]), data).status_code == 302
    activity.refresh_from_db()
    assert activity.title == "Kelas membaca nyaring"


def test_an_edit_of_the_version_seen_saves(people, login, activity):
    data = edit_data(activity, title="Baru", seen_version="1")
    response = login(people.manager).post(reverse("activities:edit", args=[activity.pk]), data)
    assert response.status_code == 302
    activity.refresh_from_db()
    assert (activity.title, activity.version) == ("Baru", 2)


def test_the_conflict_page_is_not_for_outsiders(people, login, activity):
    data = edit_data(activity, seen_version="99")
    response = login(people.charlie).post(reverse("activities:edit", args=[activity.pk]), data)
    assert response.status_code == 404
