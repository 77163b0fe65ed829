"""Checking in with the session code: window, late, wrong code, no double counting."""

from datetime import timedelta

import pytest
from django.urls import reverse

from inklusi.trainings.models import CODE_ALPHABET, Attendance

from .helpers import add_session, make_training, messages_of, register


@pytest.fixture
def training(libraries):
    return make_training(libraries.banyuasin)


@pytest.fixture
def registration(training, people, libraries):
    return register(training, people.manager, libraries.air_batu)


def url(training):
    return reverse("trainings:check_in", args=[training.pk])


def test_it_works(login, people, training, registration):
    session = add_session(training, -timedelta(minutes=5))
    client = login(people.manager)
    assert client.get(url(training)).status_code == 200
    response = client.post(url(training), {"code": session.check_in_code}, follow=True)
    attendance = Attendance.objects.get()
    assert (attendance.session, attendance.registration, attendance.late) == (
        session,
        registration,
        False,
    )
    assert any("You checked in to" in m for m in messages_of(response))


def test_codes_avoid_ambiguous_characters(training):
    code = add_session(training).check_in_code
    assert len(code) == 6 and all(ch in CODE_ALPHABET for ch in code)
    assert not set("0O1IL2Z5S8B6G") & set(CODE_ALPHABET)


def test_lower_case_and_spaces_are_fine(login, people, training, registration):
    session = add_session(training, -timedelta(minutes=5))
    code = session.check_in_code
    login(people.manager).post(url(training), {"code": f" {code[:3].lower()} {code[3:]} "})
    assert Attendance.objects.count() == 1


def test_late_check_in_is_flagged(login, people, training, registration):
    session = add_session(training, -timedelta(minutes=40))
    response = login(people.manager).post(
        url(training), {"code": session.check_in_code}, follow=True
    )
    assert Attendance.objects.get().late
    assert any("late" in m for m in messages_of(response))


def test_half_an_hour_early_is_fine(login, people, training, registration):
    session = add_session(training, timedelta(minutes=25))
    login(people.manager).post(url(training), {"code": session.check_in_code})
    assert not Attendance.objects.get().late


def test_double_check_in_counts_once(login, people, training, registration):
    session = add_session(training, -timedelta(minutes=5))
    client = login(people.manager)
    client.post(url(training), {"code": session.check_in_code})
    response = client.post(url(training), {"code": session.check_in_code}, follow=True)
    assert Attendance.objects.count() == 1
    assert any("already checked in" in m for m in messages_of(response))


def test_a_wrong_code_says_so(login, people, training, registration):
    add_session(training, -timedelta(minutes=5))
    response = login(people.manager).post(url(training), {"code": "XXXXXX"})
    assert response.status_code == 200
    assert "not a code of this training" in response.text
    assert 'value="XXXXXX"' in response.text
    assert not Attendance.objects.exists()


def test_a_code_of_another_training_is_refused(login, people, libraries, training, registration):
    other = add_session(make_training(libraries.banyuasin, title="Lain"), -timedelta(minutes=5))
    response = login(people.manager).post(url(training), {"code": other.check_in_code})
    assert "not a code of this training" in response.text
    assert not Attendance.objects.exists()


def test_the_code_of_an_ended_session_is_refused(login, people, training, registration):
    earlier = add_session(training, -timedelta(hours=4), minutes=120, topic="Pembukaan")
    add_session(training, -timedelta(minutes=5), topic="Sesi dua")
    response = login(people.manager).post(url(training), {"code": earlier.check_in_code})
    assert "This code is for “Pembukaan”, which ended at" in response.text
    assert not Attendance.objects.exists()


def test_before_the_window_is_refused(login, people, training, registration):
    later = add_session(training, timedelta(hours=3))
    response = login(people.manager).post(url(training), {"code": later.check_in_code})
    assert "opens at" in response.text
    assert not Attendance.objects.exists()


@pytest.mark.parametrize("code", ["", "\x00\x00", "A" * 500, "ÄÖÜ😀"])
def test_garbage_never_500(login, people, training, registration, code):
    add_session(training)
    response = login(people.manager).post(url(training), {"code": code})
    assert response.status_code == 200
    assert not Attendance.objects.exists()


def test_the_qr_link_fills_the_code(login, people, training, registration):
    session = add_session(training)
    response = login(people.manager).get(url(training) + f"?kode={session.check_in_code}")
    assert f'value="{session.check_in_code}"' in response.text
    assert not Attendance.objects.exists()  # a GET never checks in


def test_someone_not_registered_gets_404(login, people, training):
    session = add_session(training)
    response = login(people.regency).post(url(training), {"code": session.check_in_code})
    assert response.status_code == 404


def test_bad_id_is_404(login, people):
    assert login(people.manager).get(reverse("trainings:check_in", args=[999])).status_code == 404


def test_wrong_method_is_405(login, people, training, registration):
    assert login(people.manager).put(url(training)).status_code == 405
