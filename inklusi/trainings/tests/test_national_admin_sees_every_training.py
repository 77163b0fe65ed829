"""Regression: the national admin sees a regency's training and its calendar file. Their
scope's "everything" was lost when OR'd with the registrations condition (fixed in ae05b78,
`EVERY_ROW`); charlie, outside Banyuasin, still gets 404."""

from datetime import timedelta

import pytest
from django.urls import reverse

from .helpers import add_session, make_training


@pytest.fixture
def training(libraries):
    training = make_training(libraries.banyuasin)  # the Banyuasin regency office
    add_session(training, timedelta(days=1))
    return training


@pytest.mark.parametrize("name", ["detail", "calendar"])
def test_the_national_admin_opens_it(people, login, training, name):
    response = login(people.admin).get(reverse(f"trainings:{name}", args=[training.pk]))
    assert response.status_code == 200


def test_the_national_admin_gets_the_meeting_in_the_calendar(people, login, training):
    # The admin runs every training, so their calendar file has the meeting link too.
    response = login(people.admin).get(reverse("trainings:calendar", args=[training.pk]))
    assert training.meeting_url in response.content.decode()


@pytest.mark.parametrize("name", ["detail", "calendar"])
def test_charlie_outside_still_gets_404(people, login, training, name):
    response = login(people.charlie).get(reverse(f"trainings:{name}", args=[training.pk]))
    assert response.status_code == 404
