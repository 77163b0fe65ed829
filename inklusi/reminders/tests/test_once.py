"""Two schedulers, or a restarted worker, running the reminders at the same moment: each
reminder is still sent once (the SentReminder key is taken before anything is sent)."""

import os
import subprocess
import sys
import threading
import time

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


SCHEDULER = """
import datetime, sys, time
import django
django.setup()
from django.core import mail
from inklusi.reminders import services
time.sleep(max(0, float(sys.argv[1]) - time.time()))  # both start at the same moment
services.send(services.report_reminders(datetime.date(2026, 11, 10)))
print(len(getattr(mail, "outbox", [])))
"""


@pytest.mark.django_db(transaction=True)
def test_two_scheduler_processes_at_once_send_one_email(people, in_programme):
    """Two separate processes (two schedulers) against the same PostgreSQL database."""
    if connection.vendor != "postgresql":
        pytest.skip("an in-memory SQLite test database is not shared between processes")
    db = connection.settings_dict
    url = f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "inklusi.test_settings"}
    start = str(time.time() + 4)
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", SCHEDULER, start], env=env, stdout=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    sent = [int(run.communicate(timeout=60)[0].strip().splitlines()[-1]) for run in runs]
    assert sorted(sent) == [0, 1]
    assert SentReminder.objects.count() == 1
    assert Notification.objects.filter(recipient=people.manager).count() == 1
