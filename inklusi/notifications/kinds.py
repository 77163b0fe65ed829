"""Every kind of notification, in one table: its code (stored on each row) and its label.

The label names the kind on the preferences page, in the unsubscribe confirmation and in the
e-mail footer, so a person turns e-mail off per kind. Add a kind here, in one line, before
calling `services.notify(..., kind=...)` with it; an unknown code raises `KeyError`.
An app that attaches files to its kind's e-mails registers a builder with `attach_files`
from its `AppConfig.ready` (the monthly digest attaches the dashboard PDF).
"""

from django.utils.translation import gettext_lazy as _

KINDS = {
    # Talking to each other (announcements, questions, comments).
    "announcement": _("Announcements"),
    "question": _("Questions to the facilitator"),
    "answer": _("Answers to my questions"),
    "comment": _("Comments on records I follow"),
    "mention": _("Mentions of me"),
    # Reminders (inklusi.reminders).
    "report_due": _("Monthly report reminders"),
    "report_overdue": _("Overdue reports in my area"),
    "follow_up_due": _("Advocacy follow-ups due"),
    "agreement_ending": _("Agreements ending"),
    "training_session": _("Training sessions"),
    "monthly_digest": _("Monthly digest of my area"),
    # Stories of change (inklusi.stories).
    "story_chosen": _("My stories of change chosen"),
    # Work done in the background.
    "export_ready": _("Finished exports"),
    "import_done": _("Finished spreadsheet imports"),
}

_attachment_builders = {}


def label(code):
    return KINDS[code]


def choices():
    return list(KINDS.items())


def attach_files(code, builder):
    """`builder(notification)` returns [(filename, bytes, mimetype)] for that kind's e-mails."""
    if code not in KINDS:
        raise KeyError(code)
    _attachment_builders[code] = builder


def attachments(notification):
    builder = _attachment_builders.get(notification.kind)
    return builder(notification) if builder else []
