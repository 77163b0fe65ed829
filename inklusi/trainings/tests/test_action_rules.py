"""The ACTIONS table: a role that never allows an action is PermissionDenied (403); a moment
that does not allow it is a ValidationError saying why."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from inklusi.trainings import services
from inklusi.trainings.models import Evaluation

from .helpers import add_session, make_training, register

PARTICIPANT_ACTIONS = [
    action for action, (who, _) in services.ACTIONS.items() if who == services.PARTICIPANT
]


@pytest.fixture
def training(libraries):
    return make_training(libraries.banyuasin)


@pytest.fixture
def session(training):
    return add_session(training, -timedelta(minutes=30))


@pytest.fixture
def registration(training, people, libraries):
    return register(training, people.manager, libraries.air_batu)


def test_the_organisers_editors_manage(training, people):
    for persona in (people.regency, people.province, people.admin):
        assert services.refusal(persona, "manage", training) is None


@pytest.mark.parametrize("persona", ["charlie", "viewer", "manager", "nobody"])
def test_others_never_manage(training, people, persona):
    with pytest.raises(PermissionDenied):
        services.check(getattr(people, persona), "manage", training)


@pytest.mark.parametrize("action", PARTICIPANT_ACTIONS)
def test_participant_actions_are_for_the_registered_only(training, session, people, action):
    with pytest.raises(PermissionDenied):
        services.check(people.regency, action, training, session=session)


def test_someone_elses_registration_gives_no_right(training, session, people, registration):
    with pytest.raises(PermissionDenied):
        services.check(people.regency, "evaluate", training, registration=registration)


def test_follow_up_waits_for_the_last_session(training, session, people, registration):
    add_session(training, timedelta(days=1))
    for action, message in [
        ("post_test", "The post-test opens when the last session starts."),
        ("evaluate", "The evaluation opens when the last session starts."),
        ("commit", "The action commitment opens when the last session starts."),
    ]:
        with pytest.raises(ValidationError, match=message):
            services.check(people.manager, action, training)
    with pytest.raises(ValidationError):
        services.submit_evaluation(registration, "", [])
    assert not Evaluation.objects.exists()


def test_follow_up_opens_when_the_last_session_starts(training, session, people, registration):
    for action in ("post_test", "evaluate", "commit"):
        assert services.refusal(people.manager, action, training) is None
    assert services.submit_evaluation(registration, "Bagus", [(session, 5, 4)])


def test_the_pre_test_closes_when_the_first_session_ends(training, session, people, registration):
    assert services.refusal(people.manager, "pre_test", training) is None
    later = session.ends_at + timedelta(seconds=1)
    with pytest.raises(ValidationError, match="pre-test closed"):
        services.check(people.manager, "pre_test", training, now=later)


def test_check_in_keeps_to_the_sessions_window(training, session, people, registration):
    def refusal(now):
        return services.refusal(
            people.manager,
            "check_in",
            training,
            registration=registration,
            session=session,
            now=now,
        )

    assert refusal(session.check_in_opens) is None
    assert refusal(session.ends_at) is None
    assert "opens at" in refusal(session.check_in_opens - timedelta(seconds=1))
    assert "which ended at" in refusal(session.ends_at + timedelta(seconds=1))


def test_a_certificate_waits_for_the_rule(training, session, people, registration):
    with pytest.raises(ValidationError, match="A certificate needs 75% attendance and the post"):
        services.check(people.manager, "get_certificate", training, registration=registration)


def test_registration_needs_a_login_and_an_open_deadline(training, people, libraries):
    with pytest.raises(PermissionDenied):
        services.check(AnonymousUser(), "register", training)
    assert services.refusal(people.nobody, "register", training) is None
    training.registration_closes_on = timezone.localdate() - timedelta(days=1)
    training.save()
    with pytest.raises(ValidationError, match="Registration closed on"):
        services.register(training, people.manager, libraries.air_batu)


def test_only_an_organiser_adds_someone_else(training, people, libraries):
    with pytest.raises(PermissionDenied):
        services.register(training, people.nobody, None, by=people.viewer)
    registration = services.register(training, people.nobody, None, by=people.regency)
    assert registration.registered_by == people.regency


def test_a_full_training_takes_no_one_more(training, people, libraries):
    training.quota = 1
    training.save()
    register(training, people.manager, libraries.air_batu)
    with pytest.raises(ValidationError, match="all 1 places are taken"):
        services.register(training, people.nobody, None, by=people.regency)
