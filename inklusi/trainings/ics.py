"""The training's agenda as an iCalendar file: one event per session, times in UTC (valid
without a VTIMEZONE block; calendar apps show them in the phone's own zone), and a UID per
session that stays the same, so importing an updated file moves the events instead of
duplicating them."""

from datetime import UTC
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

PRODID = "-//Inklusi//Bimtek//ID"


def session_uid(session):
    host = urlsplit(settings.SITE_URL).hostname or "inklusi"
    return f"bimtek-{session.training_id}-sesi-{session.pk}@{host}"


def training_calendar(training, link, with_meeting=False):
    """The .ics bytes. `with_meeting` adds the meeting link and passcode (for participants)."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", training.title)
    stamp = timezone.now().astimezone(UTC)
    where = training.venue
    notes = [training.title, link]
    if with_meeting and training.meeting_url:
        where = training.meeting_url if not where else f"{where} · {training.meeting_url}"
        notes.append(training.meeting_url)
        if training.meeting_passcode:
            notes.append(f"Passcode: {training.meeting_passcode}")
    for session in training.sessions.all():
        event = Event()
        event.add("uid", session_uid(session))
        event.add("dtstamp", stamp)
        event.add("dtstart", session.starts_at.astimezone(UTC))
        event.add("dtend", session.ends_at.astimezone(UTC))
        event.add("summary", f"{session.topic} · {training.title}")
        trainer = [session.trainer] if session.trainer else []
        event.add("description", "\n".join(trainer + notes))
        if where:
            event.add("location", where)
        event.add("url", link)
        calendar.add_component(event)
    return calendar.to_ical()
