"""Two schedulers, or a restarted worker, running the reminders at the same moment: each
reminder is still sent once (the SentReminder key is taken before anything is sent)."""

import threading

import pytest
from django.core import mail
from django.db import connection

from inklusi.notifications.models import Notification
from inklusi.reminders import services
from inklusi.reminders.models import SentReminder

from .conftest import day


def run_at_once(count, work):
    """Runs `work` in `count` threads released together; returns their errors."""
    start = threading.Barrier(count)
    errors = []

    def worker():
        try:
            start.wait()
            work()
        except Exception as error:  # collected: the test shows them
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return errors


@pytest.mark.django_db(transaction=True)
def test_two_runs_at_once_send_one_email(people, in_programme):
    errors = run_at_once(2, lambda: services.send(services.report_reminders(day(10))))
    assert errors == []
    assert SentReminder.objects.count() == 1
    assert Notification.objects.filter(recipient=people.manager).count() == 1
    assert len(mail.outbox) == 1


@pytest.mark.django_db(transaction=True)
def test_the_loser_of_the_race_sends_nothing(people, in_programme):
    """The second writer of the same mark gets nothing through, even past the pre-check."""
    (reminder,) = services.report_reminders(day(10))
    assert services.send_once(reminder, people.manager) == 1
    assert services.send_once(reminder, people.manager) == 0
    assert len(mail.outbox) == 1
