"""A coordinator registers a person by name, e-mail and library."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse

from inklusi.accounts.models import User
from inklusi.trainings.models import Registration

from .helpers import add_session, make_training


@pytest.fixture
def training(libraries):
    training = make_training(libraries.banyuasin)
    add_session(training, timedelta(days=1))
    return training


def url(training):
    return reverse("trainings:participant_add", args=[training.pk])


def data(library, **changes):
    return {"full_name": "Dewi Lestari", "email": "Dewi@Contoh.id", "library": library.pk} | changes


def test_it_works_for_a_person_without_an_account(people, login, libraries, training):
    client = login(people.regency)
    assert client.get(url(training)).status_code == 200
    response = client.post(url(training), data(libraries.sukajadi))
    assert response.status_code == 302
    user = User.objects.get(email="dewi@contoh.id")
    assert user.full_name == "Dewi Lestari"
    assert not user.roles.exists()
    assert Registration.objects.get().registered_by == people.regency
    assert "/akun/atur-sandi/" in mail.outbox[0].body  # a link to set the password


def test_an_existing_account_is_reused(people, login, libraries, training):
    response = login(people.regency).post(
        url(training), data(libraries.air_batu, email="PENGELOLA@example.id")
    )
    assert response.status_code == 302
    assert Registration.objects.get().user == people.manager
    assert "/akun/atur-sandi/" not in mail.outbox[0].body


def test_registering_twice_says_so(people, login, libraries, training):
    client = login(people.regency)
    client.post(url(training), data(libraries.sukajadi))
    response = client.post(url(training), data(libraries.sukajadi))
    assert response.status_code == 200
    assert "Dewi Lestari is already registered for this training." in response.text
    assert Registration.objects.count() == 1


def test_a_library_outside_the_area_is_refused(people, login, libraries, training):
    response = login(people.regency).post(url(training), data(libraries.medan))
    assert response.context["form"].has_error("library")
    assert not User.objects.filter(email="dewi@contoh.id").exists()


def test_it_checks_scope(people, login, libraries, training):
    assert login(people.charlie).get(url(training)).status_code == 404
    assert login(people.charlie).post(url(training), data(libraries.sukajadi)).status_code == 404
    assert not Registration.objects.exists()


def test_read_only_viewer_cannot_register_people(people, login, libraries, training):
    assert login(people.viewer).post(url(training), data(libraries.sukajadi)).status_code == 404


def test_bad_id_is_404(people, login):
    assert (
        login(people.admin).get(reverse("trainings:participant_add", args=[9999])).status_code
        == 404
    )


def test_wrong_method_is_405(people, login, training):
    assert login(people.regency).put(url(training)).status_code == 405
