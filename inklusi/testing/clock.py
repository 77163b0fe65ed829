"""Freezing the clock in a test: `freeze_today(monkeypatch, date(2026, 11, 11))`."""

import datetime

from django.utils import timezone


def freeze_today(monkeypatch, day, hour=12):
    """Make `timezone.now()`, and so `timezone.localdate()`, answer `hour` o'clock of `day` in
    the project's time zone for the rest of the test."""
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))
    monkeypatch.setattr(timezone, "now", lambda: moment)
    return moment
