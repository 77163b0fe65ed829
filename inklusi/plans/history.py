"""A plan's history: every step of a plan (created, a part added, changed or removed, moved on,
commented, submitted, decided, realised) is an entry of the audit trail (django-auditlog's
`LogEntry` on the plan, with who and from which address), told back in words here.

The step's own words are in the entry's `additional_data` (`step`, `target`, `subject`, `text`,
`section`, and `changes` as read by a person: choices by label, money in Rupiah); the entry's
`changes` hold the same fields before and after for the audit search. The services write the
step and keep auditlog's automatic entries of the same saves out (`disable_auditlog`), so each
change is told once. Field names, not their labels, are stored, so the history reads in the
reader's language.
"""

from dataclasses import dataclass
from datetime import datetime

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from inklusi.core.templatetags.inklusi import rupiah

from .models import BudgetLine, EventKind, Need, Plan, PlanActivity, Section, State

SHOWN_CHARS = 80
MONEY_FIELDS = {"unit_price", "total", "approved_amount", "spent_amount"}
TARGETS = {
    "plan": (Plan, gettext_lazy("the plan")),
    "need": (Need, gettext_lazy("the problem")),
    "activity": (PlanActivity, gettext_lazy("the activity")),
    "line": (BudgetLine, gettext_lazy("the budget line")),
}


def _shown(value):
    text = " ".join(str(value).split())
    return text if len(text) <= SHOWN_CHARS else text[: SHOWN_CHARS - 1] + "…"


def snapshot(instance, names):
    """Each field as text, the way a person reads it (choices by label, relations by name)."""
    values = {}
    for name in names:
        field = instance._meta.get_field(name)
        if field.many_to_many:
            value = ", ".join(str(o) for o in getattr(instance, name).all()) if instance.pk else ""
        elif field.choices:
            value = getattr(instance, f"get_{name}_display")() if getattr(instance, name) else ""
        else:
            value = getattr(instance, name)
            if value is None:
                value = ""
            elif name in MONEY_FIELDS:
                value = rupiah(value)
        values[name] = _shown(value)
    return values


def differences(before, after):
    return [
        {"field": name, "old": before.get(name, ""), "new": value}
        for name, value in after.items()
        if before.get(name, "") != value
    ]


def log(plan, user, kind, *, target="", subject="", text="", section="", changes=()):
    changes = list(changes)
    return LogEntry.objects.log_create(
        plan,
        force_log=True,
        action=LogEntry.Action.CREATE if kind == EventKind.CREATED else LogEntry.Action.UPDATE,
        changes={change["field"]: [change["old"], change["new"]] for change in changes},
        actor=user,
        additional_data={
            "step": kind,
            "target": target,
            "subject": _shown(subject)[:300],
            "text": text,
            "section": section,
            "changes": changes,
        },
    )


def steps(plan):
    """The plan's steps, newest first, as the page reads them (`kind`, `section`, `target`,
    `subject`, `text`, `changes`, `user`, `at`)."""
    entries = (
        LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(Plan),
            object_pk=str(plan.pk),
            additional_data__has_key="step",
        )
        .select_related("actor")
        .order_by("-timestamp", "-pk")
    )
    return [_step(entry) for entry in entries]


@dataclass
class Step:
    kind: str
    section: str
    target: str
    subject: str
    text: str
    changes: list
    user: object
    at: datetime

    def get_section_display(self):
        return Section(self.section).label if self.section in Section.values else ""


def _step(entry):
    data = entry.additional_data
    return Step(
        kind=data["step"],
        section=data.get("section", ""),
        target=data.get("target", ""),
        subject=data.get("subject", ""),
        text=data.get("text", ""),
        changes=data.get("changes", []),
        user=entry.actor,
        at=entry.timestamp,
    )


def log_state(plan, user, old, text="", section=""):
    log(
        plan,
        user,
        EventKind.STATE,
        target="plan",
        text=text,
        section=section,
        changes=[{"field": "state", "old": old, "new": plan.state}],
    )


def describe(event):
    """One sentence for the history list."""
    target = TARGETS.get(event.target, (None, ""))[1]
    subject = event.subject
    if event.kind == EventKind.STATE:
        change = event.changes[0] if event.changes else {}
        return _("Moved the plan from “%(old)s” to “%(new)s”.") % {
            "old": _state_label(change.get("old")),
            "new": _state_label(change.get("new")),
        }
    sentences = {
        EventKind.CREATED: _("Created the plan."),
        EventKind.ADDED: _("Added %(target)s “%(subject)s”."),
        EventKind.CHANGED: _("Changed %(target)s “%(subject)s”."),
        EventKind.REMOVED: _("Removed %(target)s “%(subject)s”."),
        EventKind.COMMENT: _("Commented on: %(section)s."),
        EventKind.SUBMITTED: _("Submitted the plan: %(subject)s."),
        EventKind.DECISION: _("Recorded the decision on “%(subject)s”."),
        EventKind.REALISATION: _("Recorded the realisation of “%(subject)s”."),
    }
    return sentences.get(event.kind, "%(subject)s") % {
        "target": target,
        "subject": subject,
        "section": event.get_section_display(),
    }


def change_rows(event):
    """(field label, old, new) of an edit, labels in the reader's language."""
    if event.kind == EventKind.STATE:
        return []
    rows = []
    for change in event.changes:
        model = TARGETS.get(change.get("target", event.target), (None, ""))[0]
        label = change["field"]
        if model is not None:
            try:
                label = model._meta.get_field(label).verbose_name
            except FieldDoesNotExist:  # a field renamed since: show its stored name
                pass
        if change.get("item"):
            label = f"{label}: {change['item']}"
        rows.append((label, change["old"], change["new"]))
    return rows


def _state_label(value):
    return State(value).label if value in State.values else value or ""
