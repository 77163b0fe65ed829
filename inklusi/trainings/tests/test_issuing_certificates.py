"""An organiser issues certificates: only to those who met the rule, once each; a
participant's certificate, once issued, stays."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied

from inklusi.trainings import services
from inklusi.trainings.models import Attendance, Certificate

from .helpers import add_session, make_training, register


@pytest.fixture
def training(libraries):
    training = make_training(libraries.banyuasin, min_attendance=50, post_test_required=False)
    add_session(training, -timedelta(hours=3), minutes=60)
    add_session(training, -timedelta(hours=1), minutes=60)
    return training


def attend(registration, count):
    for session in registration.training.sessions.all()[:count]:
        Attendance.objects.create(registration=registration, session=session, method="manual")


def test_only_those_who_met_the_rule_get_one(training, people, libraries):
    came = register(training, people.manager, libraries.air_batu)
    attend(came, 1)  # 50%: enough here
    register(training, people.facilitator, libraries.banyuasin)  # never came
    assert services.issue_certificates(training, people.regency) == 1
    assert Certificate.objects.get().registration == came


def test_issuing_again_adds_nothing(training, people, libraries):
    attend(register(training, people.manager, libraries.air_batu), 2)
    services.issue_certificates(training, people.regency)
    number = Certificate.objects.get().number
    assert services.issue_certificates(training, people.regency) == 0
    assert Certificate.objects.get().number == number


@pytest.mark.parametrize("persona", ["charlie", "viewer", "manager"])
def test_only_the_organiser_issues(training, people, libraries, persona):
    attend(register(training, people.manager, libraries.air_batu), 2)
    with pytest.raises(PermissionDenied):
        services.issue_certificates(training, getattr(people, persona))
    assert not Certificate.objects.exists()


def test_an_issued_certificate_stays_when_attendance_is_removed(training, people, libraries):
    registration = register(training, people.manager, libraries.air_batu)
    attend(registration, 2)
    certificate = services.issue_certificate(registration)
    Attendance.objects.all().delete()
    assert not services.is_eligible(registration)
    assert services.issue_certificate(registration) == certificate
