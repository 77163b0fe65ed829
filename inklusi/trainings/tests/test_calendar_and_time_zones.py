"""The .ics file parsed back with a real parser; sessions stored with their time zone."""

from datetime import UTC, date, datetime, time, timedelta

import pytest
from django.core import mail
from django.urls import reverse
from icalendar import Calendar

from inklusi.trainings.ics import training_calendar
from inklusi.trainings.models import Session, Zone

from .helpers import add_session, make_training, register


@pytest.fixture
def training(libraries):
    return make_training(
        libraries.banyuasin,
        starts_on=date(2030, 7, 21),
        ends_on=date(2030, 7, 23),
        registration_closes_on=date(2030, 7, 20),
    )


def sessions_at(training, *rows):
    return [
        Session.objects.create(
            training=training,
            topic=topic,
            starts_at=training.at(day, start),
            ends_at=training.at(day, end),
        )
        for topic, day, start, end in rows
    ]


def events(ics_bytes):
    calendar = Calendar.from_ical(ics_bytes)
    return calendar, [c for c in calendar.walk("VEVENT")]


def test_one_vevent_per_session_in_utc(training):
    sessions_at(
        training,
        ("Pembukaan", date(2030, 7, 21), time(8, 30), time(9, 30)),
        ("Strategi", date(2030, 7, 22), time(9), time(12)),
    )
    calendar, found = events(training_calendar(training, "https://inklusi.id/bimtek/1/"))
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    assert len(found) == 2
    first = found[0]
    assert first.decoded("DTSTART") == datetime(2030, 7, 21, 1, 30, tzinfo=UTC)  # 08.30 WIB
    assert first.decoded("DTEND") == datetime(2030, 7, 21, 2, 30, tzinfo=UTC)
    assert first.get("DTSTAMP") is not None
    assert "Pembukaan" in str(first["SUMMARY"])
    assert training.meeting_url not in first.to_ical().decode()


def test_uids_are_stable_and_distinct(training):
    sessions_at(
        training,
        ("A", date(2030, 7, 21), time(8), time(9)),
        ("B", date(2030, 7, 21), time(10), time(11)),
    )
    _, once = events(training_calendar(training, "x"))
    _, again = events(training_calendar(training, "x"))
    assert [str(e["UID"]) for e in once] == [str(e["UID"]) for e in again]
    assert len({str(e["UID"]) for e in once}) == 2


def test_meeting_details_only_for_participants(people, login, libraries, training):
    sessions_at(training, ("A", date(2030, 7, 21), time(8), time(9)))
    url = reverse("trainings:calendar", args=[training.pk])
    visitor = login(people.viewer).get(url)  # in the area, not registered: no passcode
    assert visitor.status_code == 200
    assert visitor["Content-Type"].startswith("text/calendar")
    assert training.meeting_passcode not in Calendar.from_ical(visitor.content).to_ical().decode()
    register(training, people.manager, libraries.air_batu)
    mine = login(people.manager).get(url)
    assert training.meeting_passcode in mine.content.decode().replace("\r\n ", "")
    assert login(people.charlie).get(url).status_code == 404


def test_the_confirmation_ics_parses(people, login, libraries):
    training = make_training(libraries.banyuasin)
    add_session(training, timedelta(days=1))
    login(people.manager).post(
        reverse("trainings:register", args=[training.invite_token]),
        {"library": libraries.air_batu.pk},
    )
    _, content, _ = mail.outbox[0].attachments[0]
    _, found = events(content)
    assert len(found) == 1


def test_wita_session_is_stored_in_utc_and_shown_in_wita(people, login, libraries, training):
    training.time_zone = Zone.WITA
    training.save()
    response = login(people.regency).post(
        reverse("trainings:session_create", args=[training.pk]),
        {"topic": "TIK", "trainer": "", "day": "2030-07-22", "start": "09:00", "end": "11:30"},
    )
    assert response.status_code == 302
    session = Session.objects.get()
    assert session.starts_at == datetime(2030, 7, 22, 1, 0, tzinfo=UTC)
    assert session.time_label() == "09.00–11.30 WITA"
    page = login(people.regency).get(training.get_absolute_url())
    assert "09.00–11.30 WITA" in page.text
    _, found = events(training_calendar(training, "x"))
    assert found[0].decoded("DTSTART") == datetime(2030, 7, 22, 1, 0, tzinfo=UTC)


def test_wit_and_wib(training):
    training.time_zone = Zone.WIT
    (session,) = sessions_at(training, ("A", date(2030, 7, 21), time(8), time(9)))
    assert session.starts_at == datetime(2030, 7, 20, 23, 0, tzinfo=UTC)
    assert session.time_label() == "08.00–09.00 WIT"
    training.time_zone = Zone.WIB
    assert Session.objects.get().time_label() == "06.00–07.00 WIB"


def test_correcting_the_zone_keeps_the_wall_clock_times(people, login, libraries, training):
    sessions_at(training, ("A", date(2030, 7, 21), time(8), time(9)))
    data = {
        "title": training.title,
        "organiser": libraries.banyuasin.pk,
        "mode": "online",
        "starts_on": "2030-07-21",
        "ends_on": "2030-07-23",
        "time_zone": Zone.WITA,
        "meeting_url": training.meeting_url,
        "registration_closes_on": "2030-07-20",
        "min_attendance": "75",
        "post_test_required": "on",
    }
    response = login(people.regency).post(reverse("trainings:edit", args=[training.pk]), data)
    assert response.status_code == 302
    session = Session.objects.get()
    assert session.time_label() == "08.00–09.00 WITA"
    assert session.starts_at == datetime(2030, 7, 21, 0, 0, tzinfo=UTC)
