"""The invitation e-mail: to the managers of invited libraries not registered yet, each in
their own language; a refused message does not stop the others."""

import smtplib

import pytest
from django.core import mail

from inklusi.accounts.models import Role
from inklusi.testing.factories import UserFactory
from inklusi.trainings import services

from .helpers import absolute_url, make_training, register


@pytest.fixture
def training(libraries, regions):
    training = make_training(libraries.banyuasin)
    training.audience_regions.set([regions["16.07"]])
    return training


def test_it_reaches_the_invited_managers_with_the_link(training, people, libraries):
    UserFactory(email="medan@example.id", role=(Role.LIBRARY_MANAGER, libraries.medan))
    assert services.send_invitations(training, absolute_url) == (1, 1)
    (message,) = mail.outbox
    assert message.to == [people.manager.email]
    assert message.subject == f"Undangan: {training.title}"
    assert f"https://inklusi.test/bimtek/daftar/{training.invite_token}/" in message.body
    assert people.manager.full_name in message.body


def test_each_manager_reads_their_own_language(training, people, libraries):
    UserFactory(
        email="english@example.id", language="en", role=(Role.LIBRARY_MANAGER, libraries.air_batu)
    )
    services.send_invitations(training, absolute_url)
    subjects = {m.to[0]: m.subject for m in mail.outbox}
    assert subjects == {
        "english@example.id": f"Invitation: {training.title}",
        people.manager.email: f"Undangan: {training.title}",
    }


def test_the_registered_are_not_invited_again(training, people, libraries):
    register(training, people.manager, libraries.air_batu)
    assert services.send_invitations(training, absolute_url) == (0, 0)
    assert not mail.outbox


def test_a_refused_message_is_skipped_and_counted(training, people, libraries, monkeypatch, caplog):
    UserFactory(email="zulaikha@example.id", role=(Role.LIBRARY_MANAGER, libraries.air_batu))
    real_send = mail.EmailMessage.send

    def refuse_one(message, *args, **kwargs):
        if message.to == ["zulaikha@example.id"]:
            raise smtplib.SMTPException("mailbox full")
        return real_send(message, *args, **kwargs)

    monkeypatch.setattr("django.core.mail.EmailMessage.send", refuse_one)
    assert services.send_invitations(training, absolute_url) == (1, 2)
    assert [m.to for m in mail.outbox] == [[people.manager.email]]
    assert "Could not send the Bimtek invitation to zulaikha@example.id" in caplog.text
