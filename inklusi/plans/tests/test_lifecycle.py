"""Who may move a plan to which state, and what stays frozen."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError

from inklusi.plans import services
from inklusi.plans.models import BudgetLine, Decision, EventKind, Plan, State

from .helpers import events, make_plan, move_to


@pytest.fixture
def plan(libraries, people):
    return make_plan(libraries.air_batu, people.manager)


def decide(line, user, **changes):
    fields = {
        "decision": Decision.APPROVED,
        "approved_amount": line.total,
        "reference": "Berita Acara Musdes 3/2025",
        "decided_on": datetime.date(2025, 11, 1),
    }
    fields.update(changes)
    return services.record_decision(line, user, **fields)


def test_the_whole_way(plan, people):
    services.submit_for_review(plan, people.manager)
    assert plan.state == State.IN_REVIEW
    services.request_changes(plan, people.regency, "Tambahkan bukti.", "needs")
    assert Plan.objects.get().state == State.DRAFT
    services.submit_for_review(plan, people.manager)
    services.approve(plan, people.regency)
    assert Plan.objects.get().state == State.READY
    move_to(plan, State.SUBMITTED, people)
    lines = list(plan.lines().order_by("pk"))
    decide(lines[0], people.manager, approved_amount=2_000_000)
    decide(lines[1], people.manager, decision=Decision.REJECTED)
    assert Plan.objects.get().state == State.SUBMITTED
    decide(lines[2], people.manager)
    plan.refresh_from_db()
    assert plan.state == State.DECIDED
    assert plan.totals() == {"asked": 3_450_253, "approved": 3_200_000, "spent": 0}
    kinds = [e.kind for e in reversed(events(plan))]
    assert kinds.count(EventKind.STATE) == 6
    assert kinds.count(EventKind.DECISION) == 3


@pytest.mark.parametrize("who", ["manager", "facilitator", "regency", "province", "admin"])
def test_library_editors_send_for_review(plan, people, who):
    services.submit_for_review(plan, getattr(people, who))
    assert plan.state == State.IN_REVIEW


@pytest.mark.parametrize("who", ["viewer", "charlie", "nobody"])
def test_others_cannot_send_for_review(plan, people, who):
    with pytest.raises(PermissionDenied):
        services.submit_for_review(plan, getattr(people, who))
    assert Plan.objects.get().state == State.DRAFT


@pytest.mark.parametrize("who", ["manager", "viewer", "charlie"])
def test_only_coordinators_of_the_region_review(plan, people, who):
    move_to(plan, State.IN_REVIEW, people)
    with pytest.raises(PermissionDenied):
        services.approve(plan, getattr(people, who))
    with pytest.raises(PermissionDenied):
        services.request_changes(plan, getattr(people, who), "Tidak.")
    assert Plan.objects.get().state == State.IN_REVIEW


def test_a_draft_cannot_be_approved_or_submitted(plan, people):
    with pytest.raises(ValidationError):
        services.approve(plan, people.regency)
    with pytest.raises(ValidationError):
        services.submit_to_funder(
            plan,
            people.manager,
            forum="musdes",
            submitted_on=datetime.date(2025, 10, 1),
            addressed_to="Desa",
        )
    assert Plan.objects.get().state == State.DRAFT


def test_asking_for_changes_needs_a_comment(plan, people):
    move_to(plan, State.IN_REVIEW, people)
    with pytest.raises(ValidationError):
        services.request_changes(plan, people.regency, "  ")
    assert Plan.objects.get().state == State.IN_REVIEW


def test_an_empty_plan_cannot_go_to_review(libraries, people):
    empty = Plan.objects.create(library=libraries.air_batu, year=2030)
    with pytest.raises(ValidationError) as error:
        services.submit_for_review(empty, people.manager)
    assert len(error.value.messages) == 2
    assert Plan.objects.get(pk=empty.pk).state == State.DRAFT


def test_an_activity_without_budget_keeps_the_plan_in_draft(plan, people):
    BudgetLine.objects.filter(activity__title="Pelatihan internet").delete()
    with pytest.raises(ValidationError) as error:
        services.submit_for_review(plan, people.manager)
    assert "Pelatihan internet" in error.value.messages[0]


def test_content_is_frozen_out_of_draft(plan, people):
    from inklusi.plans.forms import NeedForm

    move_to(plan, State.IN_REVIEW, people)
    form = NeedForm(
        {"problem": "Baru", "need": "x", "evidence_kind": "survey", "evidence": "y"},
    )
    form.instance.plan = plan
    assert form.is_valid()
    with pytest.raises(ValidationError):
        services.save_part(form, plan, people.manager, "need", "needs")
    assert plan.needs.count() == 2


def test_approved_amount_changes_only_through_a_decision(plan, people):
    move_to(plan, State.SUBMITTED, people)
    line = plan.lines().get(item="Buku cerita")
    decide(line, people.manager, approved_amount=2_000_000)
    line.approved_amount = 9_999_999
    line.decision = Decision.REJECTED
    line.item = "Buku cerita anak"
    line.save()
    line.refresh_from_db()
    assert (line.approved_amount, line.decision, line.item) == (
        2_000_000,
        Decision.APPROVED,
        "Buku cerita anak",
    )
    decide(line, people.manager, approved_amount=2_100_000)
    line.refresh_from_db()
    assert line.approved_amount == 2_100_000


def test_more_than_asked_needs_a_reason(plan, people):
    move_to(plan, State.SUBMITTED, people)
    line = plan.lines().get(item="Buku cerita")
    with pytest.raises(ValidationError) as error:
        decide(line, people.manager, approved_amount=line.total + 1)
    assert "decision_note" in error.value.error_dict
    line.refresh_from_db()
    assert line.decision == Decision.PENDING
    decide(line, people.manager, approved_amount=line.total + 1, note="Harga buku naik.")
    line.refresh_from_db()
    assert line.approved_amount == line.total + 1


def test_the_database_refuses_more_than_asked_without_a_note(plan):
    line = BudgetLine.objects.get(item="Buku cerita")
    with pytest.raises(IntegrityError):
        BudgetLine.objects.filter(pk=line.pk).update(approved_amount=line.total + 1)


def test_a_decision_names_its_document(plan, people):
    move_to(plan, State.SUBMITTED, people)
    line = plan.lines().first()
    with pytest.raises(ValidationError) as error:
        decide(line, people.manager, reference=" ")
    assert "decision_reference" in error.value.error_dict


def test_decisions_wait_for_the_submission(plan, people):
    move_to(plan, State.READY, people)
    with pytest.raises(ValidationError):
        decide(plan.lines().first(), people.manager)


def test_viewer_cannot_decide(plan, people):
    move_to(plan, State.SUBMITTED, people)
    with pytest.raises(PermissionDenied):
        decide(plan.lines().first(), people.viewer)


def test_realisation_links_an_activity_of_the_library(plan, people, libraries):
    from inklusi.testing.factories import ActivityFactory

    move_to(plan, State.DECIDED, people)
    kelas = plan.activities.get(title="Kelas membaca")
    held = ActivityFactory(library=libraries.air_batu)
    lines = list(kelas.lines.all())
    services.record_realisation(
        kelas, people.manager, held=True, activity=held, note="", spent={lines[0]: 2_000_000}
    )
    kelas.refresh_from_db()
    assert (kelas.held, kelas.activity) == (True, held)
    assert plan.totals()["spent"] == 2_000_000
    elsewhere = ActivityFactory(library=libraries.sukajadi)
    with pytest.raises(ValidationError):
        services.record_realisation(
            kelas, people.manager, held=True, activity=elsewhere, note="", spent={}
        )
    kelas.refresh_from_db()
    assert kelas.activity == held


def test_start_from_last_year_copies_content_not_decisions(plan, people, libraries):
    move_to(plan, State.DECIDED, people)
    copy = services.start_plan(libraries.air_batu, 2027, people.manager, start_from="previous")
    assert copy.based_on == plan
    assert copy.state == State.DRAFT
    assert copy.needs.count() == 2
    assert copy.totals() == {"asked": 3_450_253, "approved": 0, "spent": 0}
    assert not copy.lines().exclude(decision=Decision.PENDING).exists()
    activity = copy.activities.get(title="Kelas membaca")
    assert [n.plan_id for n in activity.needs.all()] == [copy.pk]


def test_start_from_the_template(libraries, people):
    plan = services.start_plan(
        libraries.sukajadi, 2027, people.regency, start_from="template", template_keys=["digital"]
    )
    assert plan.activities.count() == 1
    assert services.gaps(plan) == []


def test_two_plans_for_the_same_year_are_refused(plan, people, libraries):
    with pytest.raises(ValidationError):
        services.start_plan(libraries.air_batu, 2026, people.manager)
    assert Plan.objects.count() == 1
