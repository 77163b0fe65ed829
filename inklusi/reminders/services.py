"""Scheduled reminders: what is due now, to whom, and sending each exactly once.

`due_reminders(now)` lists every reminder that should exist at `now`; `send(reminders)`
sends those not sent yet. Each reminder is identified by (reminder, object, recipient,
occasion) and sent under a `SentReminder` row with that unique key, so the hourly job can run
any number of times, in any number of processes. A run that was missed (the scheduler was
down) catches up on the next one: the windows below are ranges, not single moments.

Survey follow-ups are not here: community-value surveys do not exist yet.
"""

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, OperationalError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from inklusi.accounts.models import Role, RoleAssignment, User, people_holding
from inklusi.advocacy.models import AdvocacyMeeting
from inklusi.core.months import previous_month
from inklusi.monitoring.indicators import Place, missing_reports
from inklusi.notifications.services import notify
from inklusi.partners.models import Agreement
from inklusi.reports.models import due_date
from inklusi.trainings.models import Session

from .models import SentReminder

COORDINATORS = (Role.PROVINCE_COORDINATOR, Role.REGENCY_COORDINATOR)
# A report reminder goes out once in the three days before the due date.
REPORT_SOON_DAYS = 3
# Follow-ups older than this are no longer reminded of (they show on the home page anyway).
FOLLOW_UP_WINDOW_DAYS = 7
AGREEMENT_STAGES = (30, 90)
SESSION_SOON = timedelta(hours=1)
SESSION_AHEAD = timedelta(hours=24)
# How often a write is tried while SQLite reports the database locked by another writer.
LOCKED_TRIES = 40


@dataclass
class Reminder:
    """One reminder about one thing, to some people. `text()` gives (title, body) and is
    called in each recipient's language."""

    name: str  # the SentReminder kind
    kind: str  # the notification kind (inklusi.notifications.kinds)
    key: str
    occasion: str
    recipients: list
    url: str
    text: Callable[[], tuple]
    data: dict = field(default_factory=dict)


def send(reminders):
    """Sends each reminder to each recipient who has not had it yet; returns how many."""
    reminders = list(reminders)
    names = {r.name for r in reminders}
    occasions = {r.occasion for r in reminders}
    done = set(
        when_unlocked(
            lambda: list(
                SentReminder.objects.filter(kind__in=names, occasion__in=occasions).values_list(
                    "kind", "object_key", "recipient_id", "occasion"
                )
            )
        )
    )
    sent = 0
    for reminder in reminders:
        for user in reminder.recipients:
            if (reminder.name, reminder.key, user.pk, reminder.occasion) in done:
                continue
            sent += when_unlocked(lambda reminder=reminder, user=user: send_once(reminder, user))
    return sent


def when_unlocked(work, tries=LOCKED_TRIES):
    """`work()`, tried again while SQLite says another writer holds the database (a second
    scheduler sending at the same moment); PostgreSQL waits by itself."""
    for attempt in range(tries):
        try:
            return work()
        except OperationalError as error:
            if "locked" not in str(error) or attempt == tries - 1:
                raise
            time.sleep(0.05 * (attempt + 1))


def send_once(reminder, user):
    """The mark first, then the notification, in one transaction: whoever writes the mark
    second gets an IntegrityError and sends nothing. The e-mail leaves after the commit."""
    try:
        with transaction.atomic():
            SentReminder.objects.create(
                kind=reminder.name,
                object_key=reminder.key,
                recipient=user,
                occasion=reminder.occasion,
            )
            with translation.override(user.language or settings.LANGUAGE_CODE):
                title, body = reminder.text()
            notify([user], reminder.kind, title, reminder.url, body=body, data=reminder.data)
    except IntegrityError:
        return 0
    return 1


def due_reminders(now=None):
    now = now or timezone.now()
    today = timezone.localdate(now)
    return [
        *report_reminders(today),
        *follow_up_reminders(today),
        *agreement_reminders(today),
        *session_reminders(now),
    ]


# Monthly reports ---------------------------------------------------------------------------


def report_reminders(today):
    """Last month's report: due in 3 days, due today, overdue (to the library's managers), and
    `REPORT_ESCALATION_DAYS` after the due date to the regency coordinator."""
    month = previous_month(today)
    due = due_date(month)
    days_left = (due - today).days
    if days_left > REPORT_SOON_DAYS:
        return []
    if days_left > 0:
        stage = "report_due_soon"
    elif days_left == 0:
        stage = "report_due_today"
    else:
        stage = "report_overdue"
    # Subqueries, not lists: the whole country's libraries may be missing.
    missing = missing_reports(Place(), month)
    occasion = f"{month:%Y-%m}"
    managers, libraries = {}, {}
    for role in RoleAssignment.objects.filter(
        role=Role.LIBRARY_MANAGER, library__in=missing.values("pk"), user__is_active=True
    ).select_related("user", "library"):
        managers.setdefault(role.library_id, []).append(role.user)
        libraries[role.library_id] = role.library
    reminders = []
    for library in sorted(libraries.values(), key=lambda library: library.pk):
        texts = {
            "report_due_soon": lambda library=library: (
                _("The report for %(month)s is due on %(due)s")
                % {"month": date_format(month, "F Y"), "due": date_format(due, "j F Y")},
                _("%(library)s: file it in Inklusi before the day ends.")
                % {"library": library.name},
            ),
            "report_due_today": lambda library=library: (
                _("The report for %(month)s is due today") % {"month": date_format(month, "F Y")},
                _("%(library)s: file it in Inklusi today to be on time.")
                % {"library": library.name},
            ),
            "report_overdue": lambda library=library: (
                _("The report for %(month)s is late") % {"month": date_format(month, "F Y")},
                _("%(library)s: it was due on %(due)s. File it now; late is better than never.")
                % {"library": library.name, "due": date_format(due, "j F Y")},
            ),
        }
        reminders.append(
            Reminder(
                name=stage,
                kind="report_due",
                key=f"library:{library.pk}",
                occasion=occasion,
                recipients=managers[library.pk],
                url=reverse("reports:create") + f"?library={library.pk}&month={month:%Y-%m}",
                text=texts[stage],
            )
        )
    if -days_left >= settings.REPORT_ESCALATION_DAYS:
        reminders += escalations(missing, month)
    return reminders


def regency_code(region_code):
    return ".".join(region_code.split(".")[:2])


def escalations(missing, month):
    """One reminder per regency to its coordinators: how many libraries have not reported."""
    by_regency = {}
    for name, region in missing.values_list("name", "region_id"):
        by_regency.setdefault(regency_code(region), []).append(name)
    reminders = []
    for code, names in sorted(by_regency.items()):
        coordinators = list(people_holding([Role.REGENCY_COORDINATOR], code))
        if not coordinators:
            continue
        count = len(names)
        names = ", ".join(names[:5])
        reminders.append(
            Reminder(
                name="report_escalated",
                kind="report_overdue",
                key=f"region:{code}",
                occasion=f"{month:%Y-%m}",
                recipients=coordinators,
                url=reverse("reports:compliance")
                + f"?month={month:%Y-%m}&region={code}&missing=on",
                text=lambda count=count, names=names: (
                    ngettext(
                        "%(count)s library has not reported for %(month)s",
                        "%(count)s libraries have not reported for %(month)s",
                        count,
                    )
                    % {"count": count, "month": date_format(month, "F Y")},
                    names + (" …" if count > 5 else ""),
                ),
            )
        )
    return reminders


# Advocacy follow-ups -----------------------------------------------------------------------


def follow_up_reminders(today):
    """A meeting's follow-up on its day (or up to a week after, if no run saw that day)."""
    meetings = (
        AdvocacyMeeting.objects.open_follow_ups()
        .filter(
            follow_up_on__lte=today,
            follow_up_on__gte=today - timedelta(days=FOLLOW_UP_WINDOW_DAYS),
        )
        .select_related("created_by", "library", "region")
    )
    reminders = []
    for meeting in meetings:
        if meeting.created_by and meeting.created_by.is_active:
            recipients = [meeting.created_by]
        else:
            region = meeting.region_id or meeting.library.region_id
            recipients = list(people_holding(COORDINATORS, region))
        reminders.append(
            Reminder(
                name="follow_up_due",
                kind="follow_up_due",
                key=f"meeting:{meeting.pk}",
                occasion=meeting.follow_up_on.isoformat(),
                recipients=recipients,
                url=meeting.get_absolute_url(),
                text=lambda meeting=meeting: (
                    _("Follow up today: %(who)s") % {"who": meeting.counterpart_name},
                    _("%(topic)s (%(subject)s). Record the outcome in Inklusi.")
                    % {"topic": meeting.topic, "subject": meeting.subject_label},
                ),
            )
        )
    return reminders


# Agreements --------------------------------------------------------------------------------


def agreement_reminders(today):
    """An agreement in force ending within 90 days, and again within 30."""
    agreements = Agreement.objects.ending_soon(max(AGREEMENT_STAGES)).select_related(
        "partner__created_by", "library"
    )
    national = list(User.objects.filter(is_active=True, roles__role=Role.NATIONAL_ADMIN).distinct())
    reminders = []
    for agreement in agreements:
        days = (agreement.ends_on - today).days
        stage = min(s for s in AGREEMENT_STAGES if days <= s)
        region = (
            agreement.library.region_id if agreement.library_id else agreement.partner.region_id
        )
        people = set(people_holding(COORDINATORS, region)) if region else set(national)
        creator = agreement.partner.created_by
        if creator is not None and creator.is_active:
            people.add(creator)
        reminders.append(
            Reminder(
                name=f"agreement_{stage}",
                kind="agreement_ending",
                key=f"agreement:{agreement.pk}",
                occasion=agreement.ends_on.isoformat(),
                recipients=sorted(people, key=lambda user: user.pk),
                url=agreement.get_absolute_url(),
                text=lambda agreement=agreement, days=days: (
                    ngettext(
                        "%(title)s ends in %(days)s day",
                        "%(title)s ends in %(days)s days",
                        days,
                    )
                    % {"title": agreement.title, "days": days},
                    _("With %(partner)s, until %(end)s. Time to talk about renewing it.")
                    % {
                        "partner": agreement.partner.name,
                        "end": date_format(agreement.ends_on, "j F Y"),
                    },
                ),
            )
        )
    return reminders


# Training sessions -------------------------------------------------------------------------


def session_reminders(now):
    """A session within the next 24 hours, and again within the hour, to the people
    registered for its training: the only ones who get its meeting link."""
    sessions = Session.objects.filter(
        starts_at__gt=now, starts_at__lte=now + SESSION_AHEAD
    ).select_related("training")
    registered = {}
    for session in sessions:
        if session.training_id not in registered:
            registered[session.training_id] = list(
                User.objects.filter(
                    is_active=True, bimtek_registrations__training=session.training_id
                ).order_by("pk")
            )
    reminders = []
    for session in sessions:
        stage = "session_soon" if session.starts_at - now <= SESSION_SOON else "session_tomorrow"
        reminders.append(
            Reminder(
                name=stage,
                kind="training_session",
                key=f"session:{session.pk}",
                occasion=session.starts_at.isoformat(),
                recipients=registered[session.training_id],
                url=session.training.get_absolute_url(),
                text=lambda session=session, stage=stage: session_text(session, stage),
            )
        )
    return reminders


def session_text(session, stage):
    training = session.training
    when = f"{session.day_label()}, {session.time_label()}"
    if stage == "session_soon":
        title = _("Starting within the hour: %(topic)s") % {"topic": session.topic}
    else:
        title = _("Tomorrow: %(topic)s") % {"topic": session.topic}
    lines = [f"{training.title} · {when}"]
    if training.meeting_url:
        lines.append(_("Meeting link: %(url)s") % {"url": training.meeting_url})
        if training.meeting_passcode:
            lines.append(_("Passcode: %(code)s") % {"code": training.meeting_passcode})
    if training.venue:
        lines.append(_("Venue: %(venue)s") % {"venue": training.venue})
    return title, "\n".join(lines)
