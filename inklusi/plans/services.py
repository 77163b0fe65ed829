"""What may happen to a plan, who may do it, and in which state; each step writes its history.

    draft ──submit_for_review──▶ in_review ──approve──▶ ready ──submit_to_funder──▶ submitted
      ▲                             │  ▲                 │                             │
      └──────request_changes────────┘  └───withdraw──────┘            record_decision (per line)
                                                                                      ▼
                                                                 decided (no line left pending)

The library's editors (its manager, and coordinators above it) write the plan while it is a
draft, send it for review, submit it to the funder and record decisions and realisation. The
coordinators of the library's region (regional editing roles) review it. Once out of draft the
content is frozen; after submission only decisions and realisation are written, and a line's
approved amount only by `record_decision`.
"""

from auditlog.context import disable_auditlog
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from inklusi.accounts.scope import Scope
from inklusi.core.templatetags.inklusi import rupiah

from . import common_activities
from .history import differences, log, log_state, snapshot
from .models import (
    DECISION_FIELDS,
    BudgetLine,
    Decision,
    EventKind,
    Need,
    Plan,
    PlanActivity,
    State,
    Submission,
)

LIBRARY, REVIEWER = "library", "reviewer"
# action: (states it may happen in, who may do it)
ACTIONS = {
    "edit": ({State.DRAFT}, LIBRARY),
    "submit_for_review": ({State.DRAFT}, LIBRARY),
    "withdraw": ({State.IN_REVIEW, State.READY}, LIBRARY),
    "request_changes": ({State.IN_REVIEW}, REVIEWER),
    "approve": ({State.IN_REVIEW}, REVIEWER),
    "submit_to_funder": ({State.READY, State.SUBMITTED}, LIBRARY),
    "decide": ({State.SUBMITTED, State.DECIDED}, LIBRARY),
    "realise": ({State.SUBMITTED, State.DECIDED}, LIBRARY),
}
ACTIVITY_FIELDS = (
    "title",
    "description",
    "target_group",
    "target_size",
    "month",
    "person_in_charge",
    "partner",
    "other_partners",
    "expected_result",
    "measure",
    "position",
)
NEED_FIELDS = ("problem", "need", "evidence_kind", "evidence", "position")
LINE_FIELDS = ("item", "quantity", "unit", "unit_price", "source", "position")
DECISION_SHOWN = (
    "decision",
    "approved_amount",
    "decision_reference",
    "decision_note",
    "decided_on",
)
DUPLICATE = gettext_lazy("This library already has a plan for that year.")


def holds(user, plan, who):
    """Whether the user is one of `who` for this plan: the library's editors or its reviewers."""
    scope = Scope.of(user)
    if who == LIBRARY:
        return scope.edits_library(plan.library)
    return scope.can_review(plan.library)


def may(user, plan, action):
    states, who = ACTIONS[action]
    return plan.state in states and holds(user, plan, who)


def may_comment(user, plan):
    return holds(user, plan, LIBRARY) or holds(user, plan, REVIEWER)


def check(user, plan, action):
    """PermissionDenied if the user's role never allows the action on this plan, a
    ValidationError if the plan's state does not allow it now."""
    states, who = ACTIONS[action]
    if not holds(user, plan, who):
        raise PermissionDenied
    if plan.state not in states:
        raise ValidationError(
            _("This cannot be done while the plan is “%(state)s”.")
            % {"state": plan.get_state_display()}
        )


def _locked(plan):
    """The plan read again under a row lock, so two clicks cannot both move it."""
    fresh = Plan.objects.select_for_update().select_related("library").get(pk=plan.pk)
    plan.state = fresh.state
    return fresh


def _move(plan, user, action, new_state, text="", section=""):
    with transaction.atomic():
        fresh = _locked(plan)
        check(user, fresh, action)
        old = fresh.state
        fresh.state = new_state
        with disable_auditlog():  # the step below is the audit entry
            fresh.save(update_fields=["state", "updated_at"])
        log_state(fresh, user, old, text=text, section=section)
    plan.state = new_state
    return fresh


# Starting a plan


def start_plan(library, year, user, *, start_from="empty", template_keys=()):
    """A new draft plan, empty, copied from the library's latest earlier plan (problems,
    activities and budget lines; not decisions or realisation), or filled from the template of
    common activities. ValidationError if the library already has a plan for that year."""
    try:
        with transaction.atomic(), disable_auditlog():  # the "created" step is the audit entry
            plan = Plan.objects.create(library=library, year=year, created_by=user)
            text = ""
            if start_from == "previous":
                previous = library.plans.filter(year__lt=year).order_by("-year").first()
                if previous:
                    _copy_plan(previous, plan)
                    plan.based_on = previous
                    plan.save(update_fields=["based_on"])
                    text = _("Copied from the plan of %(year)s.") % {"year": previous.year}
            elif start_from == "template":
                common_activities.fill(plan, template_keys)
                text = _("Started from the template of common TPBIS activities.")
            log(plan, user, EventKind.CREATED, target="plan", text=text)
    except IntegrityError as error:
        if Plan.objects.filter(library=library, year=year).exists():
            raise ValidationError(DUPLICATE) from error
        raise
    return plan


def _copy_plan(source, plan):
    plan.background = source.background
    plan.save(update_fields=["background"])
    needs = {}
    for need in source.needs.all():
        needs[need.pk] = Need.objects.create(
            plan=plan, **{name: getattr(need, name) for name in NEED_FIELDS}
        )
    for old in source.activities.prefetch_related("needs", "lines"):
        new = PlanActivity.objects.create(
            plan=plan, **{name: getattr(old, name) for name in ACTIVITY_FIELDS}
        )
        new.needs.set([needs[n.pk] for n in old.needs.all()])
        for line in old.lines.all():
            BudgetLine.objects.create(
                activity=new, **{name: getattr(line, name) for name in LINE_FIELDS}
            )


# Writing the draft


def save_part(form, plan, user, target, section):
    """Save a model form of the plan's content (the plan's own fields, a need, an activity,
    a budget line) and log what changed. The plan must be a draft the user may edit."""
    names = [name for name in form._meta.fields if name in form.fields]
    instance = form.instance
    is_new = instance.pk is None
    with transaction.atomic():
        check(user, _locked(plan), "edit")
        before = {} if is_new else snapshot(type(instance).objects.get(pk=instance.pk), names)
        with disable_auditlog():  # the step below is the audit entry
            saved = form.save()
        after = snapshot(saved, names)
        changes = differences(before, after)
        if is_new or changes:
            kind = EventKind.ADDED if is_new else EventKind.CHANGED
            log(
                plan,
                user,
                kind,
                target=target,
                subject=str(saved),
                section=section,
                changes=changes,
            )
        if target != "plan":
            Plan.objects.filter(pk=plan.pk).update(updated_at=timezone.now())
    return saved


def remove_part(obj, plan, user, target, section):
    with transaction.atomic():
        check(user, _locked(plan), "edit")
        subject = str(obj)
        with disable_auditlog():  # the step below is the audit entry
            obj.delete()
        log(plan, user, EventKind.REMOVED, target=target, subject=subject, section=section)


# Review


def gaps(plan):
    """What keeps a plan from going to review: the list of what is missing."""
    missing = []
    needs = plan.needs.count()
    activities = list(plan.activities.prefetch_related("needs", "lines"))
    if not needs:
        missing.append(_("Add at least one problem and need."))
    if not activities:
        missing.append(_("Add at least one activity."))
    for activity in activities:
        if not activity.needs.all():
            missing.append(_("Say which need “%(title)s” answers.") % {"title": activity})
        if not activity.lines.all():
            missing.append(_("Give “%(title)s” at least one budget line.") % {"title": activity})
    return missing


def submit_for_review(plan, user):
    with transaction.atomic():
        check(user, _locked(plan), "submit_for_review")
        missing = gaps(plan)
        if missing:
            raise ValidationError(missing)
        return _move(plan, user, "submit_for_review", State.IN_REVIEW)


def withdraw(plan, user):
    return _move(plan, user, "withdraw", State.DRAFT)


def request_changes(plan, user, comment, section=""):
    comment = (comment or "").strip()
    if not comment:
        raise ValidationError(_("Say what needs to change."))
    return _move(plan, user, "request_changes", State.DRAFT, text=comment, section=section)


def approve(plan, user, comment="", section=""):
    comment = (comment or "").strip()
    return _move(
        plan, user, "approve", State.READY, text=comment, section=section if comment else ""
    )


def add_comment(plan, user, section, text):
    text = (text or "").strip()
    if not text:
        raise ValidationError(_("Write a comment first."))
    if not may_comment(user, plan):
        raise PermissionDenied
    log(plan, user, EventKind.COMMENT, section=section, text=text)


# Funder, decisions, realisation


def submit_to_funder(plan, user, *, forum, submitted_on, addressed_to, reference=""):
    with transaction.atomic():
        fresh = _locked(plan)
        check(user, fresh, "submit_to_funder")
        with disable_auditlog():  # the step below is the audit entry
            submission = Submission.objects.create(
                plan=fresh,
                forum=forum,
                submitted_on=submitted_on,
                addressed_to=addressed_to,
                reference=reference,
                created_by=user,
            )
        log(
            fresh,
            user,
            EventKind.SUBMITTED,
            target="plan",
            subject=f"{submission.get_forum_display()}, {addressed_to}, {submitted_on:%d.%m.%Y}",
            text=reference,
        )
        if fresh.state == State.READY:
            _move(plan, user, "submit_to_funder", State.SUBMITTED)
    return submission


def record_decision(
    line, user, *, decision, approved_amount, reference, decided_on, note="", document=None
):
    """The funder's answer on one budget line: approved (an amount, more than asked only with
    a note saying why) or rejected, with the document or minute that says so."""
    errors = {}
    reference, note = (reference or "").strip(), (note or "").strip()
    if decision not in (Decision.APPROVED, Decision.REJECTED):
        errors["decision"] = _("Say whether the line was approved or rejected.")
    if not reference:
        errors["decision_reference"] = _("Name the document or minute of the decision.")
    if decided_on is None:
        errors["decided_on"] = _("Give the date of the decision.")
    if decision == Decision.APPROVED:
        if not approved_amount:
            errors["approved_amount"] = _("Enter the approved amount.")
        elif approved_amount > line.total and not note:
            errors["decision_note"] = _(
                "The approved amount is more than was asked (%(asked)s): say why."
            ) % {"asked": rupiah(line.total)}
    else:
        approved_amount = 0
    if errors:
        raise ValidationError(errors)
    plan = line.activity.plan
    with transaction.atomic():
        fresh = _locked(plan)
        check(user, fresh, "decide")
        before = snapshot(line, DECISION_SHOWN)
        line.decision, line.approved_amount = decision, approved_amount
        line.decision_reference, line.decision_note, line.decided_on = reference, note, decided_on
        line.decided_by = user
        if document:
            line.decision_document = document
        with disable_auditlog():  # the step below is the audit entry
            line.save(update_fields=DECISION_FIELDS)
        log(
            fresh,
            user,
            EventKind.DECISION,
            target="line",
            subject=str(line),
            section="budget",
            changes=differences(before, snapshot(line, DECISION_SHOWN)),
        )
        pending = fresh.lines().filter(decision=Decision.PENDING).exists()
        new_state = State.SUBMITTED if pending else State.DECIDED
        if new_state != fresh.state:
            old = fresh.state
            fresh.state = new_state
            with disable_auditlog():
                fresh.save(update_fields=["state", "updated_at"])
            log_state(fresh, user, old)
    plan.state = fresh.state
    return line


def record_realisation(plan_activity, user, *, held, activity, note, spent):
    """Whether the activity was held, its activity record, and what each approved line spent
    (`spent`: {line: amount or None})."""
    plan = plan_activity.plan
    names = ("held", "activity", "realisation_note")
    with transaction.atomic():
        fresh = _locked(plan)
        check(user, fresh, "realise")
        before = snapshot(plan_activity, names)
        plan_activity.held, plan_activity.activity = held, activity
        plan_activity.realisation_note = (note or "").strip()
        plan_activity.clean()
        with disable_auditlog():  # the realisation step below is the audit entry
            plan_activity.save(update_fields=names)
        changes = differences(before, snapshot(plan_activity, names))
        for line, amount in spent.items():
            if not line.is_approved or line.activity_id != plan_activity.pk:
                continue
            old = line.spent_amount
            if old != amount:
                line.spent_amount = amount
                with disable_auditlog():
                    line.save(update_fields=["spent_amount"])
                changes.append(
                    {
                        "field": "spent_amount",
                        "target": "line",
                        "item": str(line),
                        "old": _shown_money(old),
                        "new": _shown_money(amount),
                    }
                )
        log(
            fresh,
            user,
            EventKind.REALISATION,
            target="activity",
            subject=str(plan_activity),
            section="activities",
            changes=changes,
        )


def _shown_money(value):
    return "" if value is None else rupiah(value)
