"""The registration confirmation: to whom, in which language, with what inside."""

import smtplib
from datetime import timedelta

import pytest
from django.core import mail

from inklusi.trainings import services

from .helpers import absolute_url, add_session, make_training, register


@pytest.fixture
def registration(libraries, people):
    training = make_training(libraries.banyuasin, venue="Aula Dinas")
    add_session(training, timedelta(days=1), topic="Strategi pengembangan")
    return register(training, people.manager, libraries.air_batu)


def test_it_goes_to_the_participant_with_the_agenda_and_the_meeting(registration, people):
    assert services.send_confirmation(registration, absolute_url)
    (message,) = mail.outbox
    training = registration.training
    assert message.to == [people.manager.email]
    assert message.subject == f"Terdaftar: {training.title}"  # the participant's language
    assert "Strategi pengembangan" in message.body
    assert training.meeting_url in message.body and training.meeting_passcode in message.body
    assert "Aula Dinas" in message.body
    assert absolute_url(training.get_absolute_url()) in message.body
    assert "/akun/atur-sandi/" not in message.body
    ((name, content, mimetype),) = message.attachments
    assert (name, mimetype) == (f"bimtek-{training.pk}.ics", "text/calendar")
    assert training.meeting_passcode in content


def test_it_follows_the_participants_language(registration, people):
    people.manager.language = "en"
    people.manager.save()
    services.send_confirmation(registration, absolute_url)
    assert mail.outbox[0].subject == f"Registered: {registration.training.title}"
    assert "you are registered for" in mail.outbox[0].body


def test_a_new_account_gets_a_link_to_set_its_password(registration):
    services.send_confirmation(registration, absolute_url, new_account=True)
    assert "https://inklusi.test/akun/atur-sandi/" in mail.outbox[0].body


def test_a_refused_e_mail_is_logged_and_reported(registration, monkeypatch, caplog):
    def fail(*args, **kwargs):
        raise smtplib.SMTPException("down")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", fail)
    assert services.send_confirmation(registration, absolute_url) is False
    assert "Could not send the Bimtek confirmation" in caplog.text
