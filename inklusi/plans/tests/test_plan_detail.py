"""The plan page: every section, the history, and what the user may do."""

import pytest

from inklusi.plans import services
from inklusi.plans.models import State

from .helpers import make_plan, move_to, url


@pytest.fixture
def plan(libraries, people):
    return make_plan(libraries.air_batu, people.manager)


def test_it_works(people, login, plan):
    services.add_comment(plan, people.regency, "needs", "Tambahkan angka survei.")
    response = login(people.manager).get(url("detail", plan.pk))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Minat baca anak rendah" in body
    assert "Honor narasumber" in body
    assert "Tambahkan angka survei." in body
    assert response.context["may"]["edit"]
    assert response.context["may"]["submit_for_review"]
    assert not response.context["may"]["approve"]


def test_activity_actions_hold_their_remove_form(people, login, plan):
    """A <form> inside a <p> closes the paragraph early and drops "Hapus" out of its row."""
    body = login(people.manager).get(url("detail", plan.pk)).content.decode()
    assert '<p class="plan-row-actions">' not in body
    row = body.split('<div class="plan-row-actions">', 1)[1].split("</div>", 1)[0]
    assert "plan-remove" in row


def test_coordinator_sees_the_review_form(people, login, plan):
    move_to(plan, State.IN_REVIEW, people)
    response = login(people.regency).get(url("detail", plan.pk))
    assert response.context["may"]["approve"]
    assert 'value="approve"' in response.content.decode()


def test_viewer_reads_without_actions(people, login, plan):
    response = login(people.viewer).get(url("detail", plan.pk))
    assert response.status_code == 200
    assert not any(response.context["may"].values())
    assert not response.context["may_comment"]
    assert url("edit", plan.pk) not in response.content.decode()


def test_it_checks_scope(people, login, plan):
    assert login(people.charlie).get(url("detail", plan.pk)).status_code == 404


def test_another_library_is_404_for_a_manager(people, login, libraries):
    other = make_plan(libraries.sukajadi)
    assert login(people.manager).get(url("detail", other.pk)).status_code == 404


def test_bad_id_is_404(people, login):
    assert login(people.admin).get(url("detail", 987654)).status_code == 404


def test_wrong_method_is_405(people, login, plan):
    assert login(people.manager).post(url("detail", plan.pk)).status_code == 405


def test_history_shows_edits(people, login, plan):
    move_to(plan, State.DECIDED, people)
    response = login(people.manager).get(url("detail", plan.pk))
    body = response.content.decode()
    assert "Recorded the decision on “Buku cerita”" in body
    assert "Submitted the plan" in body
