"""Moving the plan through its pages: send for review, review, comment, submit to the funder."""

import pytest

from inklusi.plans.models import EventKind, Plan, State, Submission

from .helpers import events, make_plan, messages_of, move_to, url


@pytest.fixture
def plan(libraries, people):
    return make_plan(libraries.air_batu, people.manager)


def state():
    return Plan.objects.get().state


def test_send_for_review_and_take_back(people, login, plan):
    client = login(people.manager)
    assert client.post(url("submit_for_review", plan.pk)).status_code == 302
    assert state() == State.IN_REVIEW
    assert client.post(url("withdraw", plan.pk)).status_code == 302
    assert state() == State.DRAFT


def test_an_empty_plan_says_what_is_missing(people, login, libraries):
    empty = Plan.objects.create(library=libraries.air_batu, year=2030)
    client = login(people.manager)
    response = client.post(url("submit_for_review", empty.pk), follow=True)
    assert "Add at least one problem and need." in " ".join(messages_of(response))
    assert Plan.objects.get().state == State.DRAFT


def test_coordinator_asks_for_changes_then_approves(people, login, plan):
    move_to(plan, State.IN_REVIEW, people)
    client = login(people.regency)
    response = client.post(
        url("review", plan.pk), {"section": "needs", "comment": "Tambah angka.", "action": "x"}
    )
    assert response.status_code == 302
    assert state() == State.DRAFT
    event = events(plan, kind=EventKind.STATE)[0]
    assert (event.text, event.section) == ("Tambah angka.", "needs")
    move_to(Plan.objects.get(), State.IN_REVIEW, people)
    client.post(url("review", plan.pk), {"section": "general", "action": "approve"})
    assert state() == State.READY


def test_changes_need_a_comment(people, login, plan):
    move_to(plan, State.IN_REVIEW, people)
    response = login(people.regency).post(
        url("review", plan.pk), {"section": "needs", "comment": ""}, follow=True
    )
    assert "Say what needs to change." in " ".join(messages_of(response))
    assert state() == State.IN_REVIEW


@pytest.mark.parametrize("who", ["manager", "viewer"])
def test_only_the_coordinator_reviews(people, login, plan, who):
    move_to(plan, State.IN_REVIEW, people)
    response = login(getattr(people, who)).post(
        url("review", plan.pk), {"section": "general", "action": "approve"}
    )
    assert response.status_code == 403
    assert state() == State.IN_REVIEW


def test_comments_per_section(people, login, plan):
    client = login(people.regency)
    response = client.post(url("comment", plan.pk), {"section": "budget", "text": "Cek harga."})
    assert response.status_code == 302
    [event] = events(plan, kind=EventKind.COMMENT)
    assert (event.section, event.text, event.user) == ("budget", "Cek harga.", people.regency)
    page = client.get(url("detail", plan.pk))
    assert page.context["comments"]["budget"] == [event]
    client.post(url("comment", plan.pk), {"section": "nonsense", "text": "x"})
    client.post(url("comment", plan.pk), {"section": "budget", "text": "   "})
    assert len(events(plan, kind=EventKind.COMMENT)) == 1


def test_viewer_cannot_comment(people, login, plan):
    response = login(people.viewer).post(
        url("comment", plan.pk), {"section": "budget", "text": "Saya lihat."}
    )
    assert response.status_code == 403
    assert not events(plan, kind=EventKind.COMMENT)


def test_submit_to_the_funder(people, login, plan):
    move_to(plan, State.READY, people)
    client = login(people.manager)
    assert client.get(url("submit_to_funder", plan.pk)).status_code == 200
    data = {"forum": "musdes", "submitted_on": "2025-10-01", "addressed_to": "Desa Air Batu"}
    assert client.post(url("submit_to_funder", plan.pk), data).status_code == 302
    assert state() == State.SUBMITTED
    data.update(forum="musrenbang", addressed_to="Bappeda Banyuasin")
    client.post(url("submit_to_funder", plan.pk), data)
    assert Submission.objects.count() == 2
    assert state() == State.SUBMITTED


def test_submission_before_approval_is_refused(people, login, plan):
    client = login(people.manager)
    data = {"forum": "musdes", "submitted_on": "2025-10-01", "addressed_to": "Desa"}
    response = client.post(url("submit_to_funder", plan.pk), data, follow=True)
    assert "approves the plan" in " ".join(messages_of(response))
    assert not Submission.objects.exists()


@pytest.mark.parametrize(
    "changes", [{"forum": "nonsense"}, {"submitted_on": "2999-01-01"}, {"addressed_to": ""}]
)
def test_bad_submissions_are_form_errors(people, login, plan, changes):
    move_to(plan, State.READY, people)
    data = {"forum": "musdes", "submitted_on": "2025-10-01", "addressed_to": "Desa", **changes}
    response = login(people.manager).post(url("submit_to_funder", plan.pk), data)
    assert response.status_code == 200
    assert not Submission.objects.exists()


def test_it_checks_scope(people, login, plan):
    client = login(people.charlie)
    for name in ("submit_for_review", "withdraw", "review", "comment", "submit_to_funder"):
        assert client.post(url(name, plan.pk)).status_code == 404
    assert state() == State.DRAFT


def test_read_only_viewer_cannot_move_it(people, login, plan):
    client = login(people.viewer)
    assert client.post(url("submit_for_review", plan.pk)).status_code == 404
    assert client.get(url("submit_to_funder", plan.pk)).status_code == 404
    assert state() == State.DRAFT


def test_bad_id_is_404(people, login):
    assert login(people.admin).post(url("submit_for_review", 987654)).status_code == 404


def test_wrong_method_is_405(people, login, plan):
    client = login(people.manager)
    for name in ("submit_for_review", "withdraw", "review", "comment"):
        assert client.get(url(name, plan.pk)).status_code == 405
