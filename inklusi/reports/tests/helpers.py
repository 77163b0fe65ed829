"""Months relative to today, a valid report POST, the messages of a response."""

import datetime

from django.utils import timezone

from inklusi.core.months import previous_month


def this_month():
    return timezone.localdate().replace(day=1)


def months_ago(n):
    month = this_month()
    for _ in range(n):
        month = previous_month(month)
    return month


def figures(**changes):
    data = {
        "open_days": "20",
        "visitors_female": "120",
        "visitors_male": "95",
        "new_members": "6",
        "total_members": "180",
        "loans": "140",
        "computer_users": "40",
        "internet_users": "35",
        "notes": "",
    }
    data.update(changes)
    return data


def new_report(library, month, **changes):
    return figures(library=str(library.pk), month=f"{month:%Y-%m}", **changes)


def messages_of(response):
    return [str(m) for m in response.context["messages"]]


def at(day, hour=12):
    """An aware moment on `day` in the project's time zone."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))
