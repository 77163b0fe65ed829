"""Verifying and sending back: coordinators of the library's region, not its manager."""

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
    assert messages_of(response)  # says what is wrong
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
