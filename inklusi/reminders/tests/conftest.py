import datetime

import pytest

from inklusi.libraries.models import Library

# Reports of October 2026 are due on 10 November 2026.
OCTOBER = datetime.date(2026, 10, 1)


def day(d):
    return datetime.date(2026, 11, d)


@pytest.fixture
def in_programme(people, libraries):
    """Every library of the test world joined the programme long ago."""
    Library.objects.update(joined_on=datetime.date(2024, 1, 1))
    return libraries


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    """run(reminders) sends them as the task does, e-mails included; returns how many."""
    from inklusi.reminders import services

    def _run(reminders):
        with django_capture_on_commit_callbacks(execute=True):
            return services.send(reminders)

    return _run
