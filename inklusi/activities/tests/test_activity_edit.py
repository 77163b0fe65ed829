"""Editing an activity: the same form, inside the user's editing area."""

import pytest
from django.urls import reverse

from inklusi.activities import services as activity_services
from inklusi.activities.models import Activity, Review, Status
from inklusi.testing.factories import ActivityFactory

from .helpers import edit_data, messages_of


def url(activity):
    return reverse("activities:edit", args=[activity.pk])


@pytest.fixture
def activity(libraries, people):
    return ActivityFactory(
        library=libraries.air_batu, title="Kelas membaca", created_by=people.manager
    )


def test_it_works(people, login, activity):
    client = login(people.manager)
    page = client.get(url(activity))
    assert page.status_code == 200
    assert 'value="Kelas membaca"' in page.text
    response = client.post(url(activity), edit_data(activity, title="Kelas membaca nyaring"))
    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.title == "Kelas membaca nyaring"
    assert activity.status == Status.PUBLISHED  # "Save" keeps a published activity published
    assert activity.created_by == people.manager


def test_save_as_draft_takes_it_off_the_public_pages(people, login, activity):
    login(people.manager).post(url(activity), edit_data(activity, action="draft"))
    activity.refresh_from_db()
    assert activity.status == Status.DRAFT


def test_editing_a_verified_activity_asks_for_a_new_look(people, login, activity):
    activity_services.verify(activity, people.regency)
    client = login(people.manager)
    client.post(url(activity), edit_data(activity))  # nothing changed: still verified
    activity.refresh_from_db()
    assert activity.review == Review.VERIFIED
    client.post(url(activity), edit_data(activity, participants_male="6"))
    activity.refresh_from_db()
    assert activity.review == Review.PENDING
    assert activity.participants_male == 6


def test_a_failed_edit_changes_nothing(people, login, activity):
    response = login(people.manager).post(
        url(activity), edit_data(activity, title="Baru", participants_youth="99")
    )
    assert response.status_code == 200
    assert "nothing was saved" in messages_of(response)[0]
    assert "Kelas membaca" in response.text  # the heading names the saved activity
    assert Activity.objects.get().title == "Kelas membaca"


def test_coordinator_moves_it_to_another_library(people, login, activity, libraries):
    login(people.regency).post(url(activity), edit_data(activity, library=libraries.sukajadi.pk))
    activity.refresh_from_db()
    assert activity.library == libraries.sukajadi


def test_it_checks_scope(people, login, activity):
    client = login(people.charlie)
    assert client.get(url(activity)).status_code == 404
    assert client.post(url(activity), edit_data(activity, title="X")).status_code == 404


@pytest.mark.parametrize("who", ["viewer", "nobody"])
def test_read_only_users_cannot_edit(people, login, activity, who):
    client = login(getattr(people, who))
    assert client.get(url(activity)).status_code == 404
    assert client.post(url(activity), edit_data(activity, title="X")).status_code == 404
    assert Activity.objects.get().title == "Kelas membaca"


def test_bad_id_is_404(people, login):
    assert login(people.admin).get(reverse("activities:edit", args=[987654])).status_code == 404


def test_wrong_method_is_405(people, login, activity):
    assert login(people.admin).delete(url(activity)).status_code == 405
