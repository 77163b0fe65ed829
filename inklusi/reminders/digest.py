"""The monthly digest: each coordinator's area last month beside the month before, the
libraries that need a call (the dashboard's attention lists), with the dashboard's one-page
PDF attached. Sent as a reminder ("monthly_digest", once per coordinator, area and month).

It also names the stories of change chosen in the area during the month, at every level.
"""

from datetime import date
from functools import cache

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from inklusi.accounts.models import RoleAssignment
from inklusi.core.months import next_month, previous_month
from inklusi.monitoring import exports
from inklusi.monitoring.indicators import Place, dashboard
from inklusi.monitoring.page import figure_text
from inklusi.monitoring.periods import Period
from inklusi.regions.models import Region
from inklusi.stories.models import Selection

from .services import COORDINATORS, Reminder

# How many libraries of each attention list the e-mail names (the dashboard has them all).
NAMED_LIBRARIES = 5


def board_of(code, month):
    return dashboard(Place(region=Region.objects.get(code=code)), Period(month, month, "month"))


def digest_reminders(today=None):
    month = previous_month(today)
    holders = {}
    for role in RoleAssignment.objects.filter(
        role__in=COORDINATORS, user__is_active=True, region__isnull=False
    ).select_related("user", "region"):
        holders.setdefault(role.region_id, {})[role.user_id] = role.user
    reminders = []
    for code, people in sorted(holders.items()):
        board = cache(lambda code=code: board_of(code, month))  # only if someone is due
        reminders.append(
            Reminder(
                name="monthly_digest",
                kind="monthly_digest",
                key=f"region:{code}",
                occasion=f"{month:%Y-%m}",
                recipients=sorted(people.values(), key=lambda user: user.pk),
                url=reverse("monitoring:region", args=[code]),
                text=lambda board=board: digest_text(board()),
                data={"region": code, "month": f"{month:%Y-%m}"},
            )
        )
    return reminders


def digest_text(board):
    """(title, body): the headline figures with last month's beside them, and who to call."""
    month, before = board.period.label, board.previous.label
    title = _("%(place)s in %(month)s") % {"place": board.place.name, "month": month}
    lines = [_("%(month)s, with %(before)s in brackets:") % {"month": month, "before": before}]
    for key in exports.HEADLINE_KEYS:
        indicator = exports.INDICATOR_KEYS[key]
        now = figure_text(board.figures.get(key), indicator.unit)
        earlier = exports.previous_value(board, key)
        if earlier is None:
            lines.append(f"- {indicator.label}: {now}")
        else:
            lines.append(f"- {indicator.label}: {now} ({figure_text(earlier, indicator.unit)})")
    attention = board.attention
    calls = [
        (
            _("Have not reported for %(month)s")
            % {"month": date_format(attention["missing"]["month"], "F Y")},
            attention["missing"]["count"],
            [library.name for library in attention["missing"]["libraries"]],
        ),
        (
            _("No activity since %(day)s")
            % {"day": date_format(attention["quiet"]["since"], "j F Y")},
            attention["quiet"]["count"],
            [library.name for library in attention["quiet"]["libraries"]],
        ),
        (
            _("Fewer visitors than the month before"),
            attention["fell"]["count"],
            [row.library.name for row in attention["fell"]["rows"]],
        ),
    ]
    if any(count for _label, count, _names in calls):
        lines += ["", _("Libraries that need a call:")]
        for label, count, names in calls:
            if count:
                named = ", ".join(names[:NAMED_LIBRARIES])
                more = " …" if count > NAMED_LIBRARIES else ""
                lines.append(f"- {label} ({count}): {named}{more}")
    else:
        lines += ["", _("No library needs a call this month.")]
    picks = Selection.objects.inside(
        board.place.region.code, board.period.first, next_month(board.period.last)
    )
    if picks:
        lines += ["", _("Stories of change chosen:")]
        for pick in picks:
            where = f", {pick.region.name}" if pick.region else ""
            lines.append(f"- {pick.story.who} ({pick.get_level_display()}{where})")
    lines += ["", _("The dashboard's one-page PDF is attached.")]
    return title, "\n".join(lines)


def attachments(notification):
    """The dashboard PDF of the digest's area and month, printed when the e-mail is sent."""
    code, month = notification.data.get("region"), notification.data.get("month")
    if not code or not month:
        return []
    month = date.fromisoformat(month + "-01")
    board = board_of(code, month)
    return [(exports.filename(board, "pdf"), exports.pdf_bytes(board), "application/pdf")]
