"""The trainer's screen, manual marking, and attendance arithmetic."""

from datetime import timedelta

import pytest
from django.urls import reverse

from inklusi.testing.factories import LibraryFactory, UserFactory
from inklusi.trainings import services
from inklusi.trainings.models import Attendance, AttendanceMethod

from .helpers import add_session, make_training, register


@pytest.fixture
def training(libraries):
    return make_training(libraries.banyuasin)


def test_screen_shows_code_and_qr(people, login, training):
    session = add_session(training)
    response = login(people.facilitator).get(reverse("trainings:screen", args=[session.pk]))
    assert response.status_code == 200
    assert session.check_in_code in response.text
    assert 'src="data:image/svg+xml' in response.text
    assert f"?kode={session.check_in_code}" in response.text


def test_screen_checks_scope(people, login, training):
    session = add_session(training)
    url = reverse("trainings:screen", args=[session.pk])
    assert login(people.charlie).get(url).status_code == 404
    assert login(people.viewer).get(url).status_code == 404
    assert login(people.manager).get(url).status_code == 404
    assert login(people.admin).get(reverse("trainings:screen", args=[999])).status_code == 404
    assert login(people.admin).post(url).status_code == 405


def test_trainer_marks_attendance(people, login, libraries, training):
    session = add_session(training)
    a = register(training, people.manager, libraries.air_batu)
    b = register(training, people.regency, libraries.banyuasin)
    url = reverse("trainings:session_attendance", args=[session.pk])
    client = login(people.facilitator)
    assert client.get(url).status_code == 200
    client.post(url, {"present": [a.pk, b.pk]})
    assert set(session.attendances.values_list("registration", flat=True)) == {a.pk, b.pk}
    assert session.attendances.first().method == AttendanceMethod.MANUAL
    client.post(url, {"present": [a.pk]})
    assert list(session.attendances.values_list("registration", flat=True)) == [a.pk]
    # A checked-in participant stays as they checked in; junk ids are ignored.
    client.post(url, {"present": [a.pk, "x", "99999999999999", "\x00"]})
    assert session.attendances.count() == 1


def test_a_registration_of_another_training_cannot_be_marked(people, login, libraries, training):
    session = add_session(training)
    other = make_training(libraries.banyuasin, title="Lain")
    stranger = register(other, people.manager, libraries.air_batu)
    login(people.regency).post(
        reverse("trainings:session_attendance", args=[session.pk]), {"present": [stranger.pk]}
    )
    assert not Attendance.objects.exists()


def test_marking_checks_scope(people, login, libraries, training):
    session = add_session(training)
    a = register(training, people.manager, libraries.air_batu)
    url = reverse("trainings:session_attendance", args=[session.pk])
    assert login(people.charlie).post(url, {"present": [a.pk]}).status_code == 404
    assert login(people.viewer).post(url, {"present": [a.pk]}).status_code == 404
    assert not Attendance.objects.exists()
    assert login(people.regency).put(url).status_code == 405


def test_rates_per_participant_session_and_regency(people, libraries, regions, training):
    s1 = add_session(training, -timedelta(hours=5), topic="Satu")
    s2 = add_session(training, -timedelta(hours=3), topic="Dua")
    s3 = add_session(training, -timedelta(minutes=30), topic="Tiga")
    s4 = add_session(training, timedelta(days=1), topic="Empat")
    palembang = LibraryFactory(
        name="Perpustakaan Kota Palembang", kind="regency", region=regions["16.71"]
    )
    a = register(training, people.manager, libraries.air_batu)  # Banyuasin
    b = register(training, people.regency, libraries.banyuasin)  # Banyuasin
    c = register(training, UserFactory(), palembang)  # Palembang
    for registration, sessions in ((a, [s1, s2, s3, s4]), (b, [s1]), (c, [s1, s2])):
        for session in sessions:
            Attendance.objects.create(registration=registration, session=session, method="code")
    Attendance.objects.filter(registration=c, session=s2).update(late=True)

    rows = {row.registration.pk: row for row in services.participant_rows(training)}
    assert (rows[a.pk].attended, rows[a.pk].rate) == (4, 100)
    assert (rows[b.pk].attended, rows[b.pk].rate) == (1, 25)
    assert (rows[c.pk].attended, rows[c.pk].rate, rows[c.pk].late) == (2, 50, 1)
    assert rows[a.pk].regency == "Kabupaten Banyuasin"

    per_session = {r["session"].topic: r for r in services.session_rows(training)}
    assert (per_session["Satu"]["present"], per_session["Satu"]["rate"]) == (3, 100)
    assert (per_session["Dua"]["present"], per_session["Dua"]["late"]) == (2, 1)
    assert per_session["Dua"]["rate"] == 67

    per_regency = {g["regency"]: g for g in services.regency_rows(list(rows.values()), 4)}
    assert per_regency["Kabupaten Banyuasin"]["rate"] == 62  # 5 of 8 session-places
    assert per_regency["Kota Palembang"]["rate"] == 50


def test_no_session_no_rate(people, libraries, training):
    register(training, people.manager, libraries.air_batu)
    (row,) = services.participant_rows(training)
    assert row.rate is None and not row.eligible


def test_results_page(people, login, libraries, training):
    add_session(training)
    register(training, people.manager, libraries.air_batu)
    response = login(people.province).get(reverse("trainings:results", args=[training.pk]))
    assert response.status_code == 200
    assert "Kabupaten Banyuasin" in response.text
    assert (
        login(people.charlie).get(reverse("trainings:results", args=[training.pk])).status_code
        == 404
    )
