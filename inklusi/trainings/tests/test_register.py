"""Registering from the invitation link: quota, deadline, audience, no double registration."""

import smtplib
from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.urls import reverse
from django.utils import timezone

from inklusi.libraries.models import Kind
from inklusi.trainings import services
from inklusi.trainings.models import Registration

from .helpers import add_session, make_training, messages_of, register


def url(training):
    return reverse("trainings:register", args=[training.invite_token])


@pytest.fixture
def training(libraries):
    training = make_training(libraries.banyuasin)
    add_session(training, timedelta(days=1))
    return training


def test_it_works(people, login, libraries, training):
    client = login(people.manager)
    response = client.get(url(training))
    assert response.status_code == 200
    assert "Register me" in response.text
    assert training.meeting_passcode not in response.text  # not before registering
    response = client.post(url(training), {"library": libraries.air_batu.pk})
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert (registration.user, registration.library) == (people.manager, libraries.air_batu)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["pengelola@example.id"]
    assert training.meeting_url in message.body
    ((name, content, mimetype),) = message.attachments
    assert name.endswith(".ics") and mimetype == "text/calendar"
    page = client.get(training.get_absolute_url())
    assert training.meeting_passcode in page.text


def test_anonymous_logs_in_first_and_comes_back(client, training):
    response = client.get(url(training))
    assert response.status_code == 302
    assert response.url == f"{reverse('accounts:login')}?next={url(training)}"


def test_registering_twice_says_so_and_counts_once(people, login, libraries, training):
    client = login(people.manager)
    client.post(url(training), {"library": libraries.air_batu.pk})
    response = client.post(url(training), {"library": libraries.air_batu.pk}, follow=True)
    assert "You are already registered for this training." in messages_of(response)
    assert Registration.objects.count() == 1
    with pytest.raises(ValidationError, match="already registered"):
        register(training, people.manager, libraries.air_batu)
    assert Registration.objects.count() == 1


def test_the_database_refuses_a_double_registration(people, libraries, training):
    register(training, people.manager, libraries.air_batu)
    with pytest.raises(IntegrityError):
        Registration.objects.create(training=training, user=people.manager)


def test_after_the_deadline_nothing_is_saved(people, login, libraries, training):
    training.registration_closes_on = timezone.localdate() - timedelta(days=1)
    training.save()
    client = login(people.manager)
    assert "Registration closed on" in client.get(url(training)).text
    response = client.post(url(training), {"library": libraries.air_batu.pk})
    assert response.status_code == 200
    assert "Registration closed on" in response.text
    assert not Registration.objects.exists()


def test_over_the_quota_nothing_is_saved(people, login, libraries, training):
    training.quota = 1
    training.save()
    register(training, people.facilitator, libraries.banyuasin)
    response = login(people.manager).post(url(training), {"library": libraries.air_batu.pk})
    assert response.status_code == 200
    assert "The training is full: all 1 places are taken." in response.text
    assert Registration.objects.count() == 1


def test_the_audience_region_rule(people, login, libraries, training, regions):
    training.audience_regions.set([regions["16.71"]])
    response = login(people.manager).post(url(training), {"library": libraries.air_batu.pk})
    assert "This training is for other regions or kinds of library" in response.text
    assert not Registration.objects.exists()
    training.audience_regions.set([regions["16"]])
    assert training.invites(libraries.air_batu)
    assert not training.invites(libraries.medan)


def test_the_audience_kind_rule(people, libraries, training):
    training.audience_kinds = [Kind.REGENCY]
    training.save()
    assert training.invites(libraries.banyuasin)
    assert not training.invites(libraries.air_batu)
    assert not training.invites(None)
    with pytest.raises(ValidationError, match="other regions or kinds"):
        register(training, people.manager, libraries.air_batu)


def test_a_library_of_someone_else_is_refused(people, login, libraries, training):
    response = login(people.manager).post(url(training), {"library": libraries.medan.pk})
    assert response.status_code == 200
    assert response.context["form"].has_error("library")
    assert not Registration.objects.exists()


def test_a_coordinator_registers_for_their_library_office(people, login, libraries, training):
    response = login(people.regency).post(url(training), {"library": libraries.banyuasin.pk})
    assert response.status_code == 302
    assert Registration.objects.get().library == libraries.banyuasin


def test_a_failed_e_mail_still_registers(people, login, libraries, training, monkeypatch):
    def fail(*args, **kwargs):
        raise smtplib.SMTPException("down")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", fail)
    response = login(people.manager).post(
        url(training), {"library": libraries.air_batu.pk}, follow=True
    )
    assert Registration.objects.count() == 1
    assert any("could not be sent" in m for m in messages_of(response))


def test_a_bad_token_is_404(people, login):
    client = login(people.manager)
    assert client.get(reverse("trainings:register", args=["tidak-ada"])).status_code == 404
    assert client.get("/bimtek/daftar/" + "x" * 500 + "/").status_code == 404


def test_wrong_method_is_405(people, login, training):
    assert login(people.manager).put(url(training)).status_code == 405


def test_last_place_is_taken_once(people, libraries, training):
    training.quota = 1
    training.save()
    services.register(training, people.manager, libraries.air_batu)
    with pytest.raises(ValidationError, match="full"):
        services.register(training, people.regency, libraries.banyuasin)
