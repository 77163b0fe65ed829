"""What the dashboard page writes, prepared in Python: every figure as the text shown, every
link to a place, the cards' words. The page shows about a thousand numbers and links; done
cell by cell with template filters and `{% url %}`, they cost more than the figures'
computing. The templates only lay the prepared text out (and escape it).

Figures are written the Indonesian way (1.234.567, 87,5%, averages with two decimals),
rounded half up as the spreadsheet is (`inklusi.core.numbers`).
"""

from urllib.parse import quote

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from inklusi.core.numbers import NO_VALUE, NumberStyle, half_up

from .indicators import INDICATOR_KEYS, INDICATORS, TABLE_KEYS

# Decimals shown per unit, here and in the spreadsheet.
DECIMALS = {"count": 0, "percent": 1, "decimal": 2}


def figure_text(value, unit="count", numbers=None):
    """A value of an indicator of this unit ("count", "percent", "decimal")."""
    if value is None:
        return NO_VALUE
    numbers = numbers or NumberStyle.active()
    if unit == "percent":
        return numbers.decimal_text(value, DECIMALS[unit]) + "%"
    if unit == "decimal":
        return numbers.decimal_text(value, DECIMALS[unit])
    return numbers.grouped(half_up(value, 0))


def change_text(change, unit="count", numbers=None):
    """ "+12 (+5,0%)", "−3,2 pt": the change from the compared period; "pt" (percentage
    points) carries its meaning in an <abbr> title."""
    if not change:
        return ""
    numbers = numbers or NumberStyle.active()
    amount = change["change"]
    sign = "+" if amount > 0 else "−" if amount < 0 else "±"
    if unit == "percent":  # points, explained where they are shown
        return format_html(
            '{}{} <abbr title="{}">pt</abbr>',
            sign,
            numbers.decimal_text(abs(amount), DECIMALS[unit]),
            _("percentage points"),
        )
    text = sign + figure_text(abs(amount), unit, numbers)
    if change["percent"] is not None and amount:
        text += f" ({sign}{numbers.decimal_text(change['percent'], 0)}%)"
    return text


class Links:
    """Addresses of the dashboards of places, with the period's query: each kind reversed
    once, as a page links to hundreds of places (table, cards, map)."""

    STAND_IN = "2147483647"  # fits both the code and the integer converters

    def __init__(self, query):
        self.query = query
        self.library_prefix, self.library_suffix = self._split("monitoring:library")
        self.region_prefix, self.region_suffix = self._split("monitoring:region")

    def _split(self, name):
        return reverse(name, args=[self.STAND_IN]).split(self.STAND_IN)

    def library(self, pk):
        return f"{self.library_prefix}{pk}{self.library_suffix}?{self.query}"

    def region(self, code):
        return f"{self.region_prefix}{code}{self.region_suffix}?{self.query}"

    def row(self, row):
        """A table row's or card's place: a region, or a library registered at the level."""
        return self.library(row.library.pk) if row.library else self.region(row.region.code)

    def point(self, point):
        """A map marker's place: a library, or a region at the centre of its libraries."""
        return (
            self.library(point["library"]) if "library" in point else self.region(point["region"])
        )


def indicator_stats(board, numbers):
    """The headline figures: per indicator its label, definition, value and change."""
    stats = []
    for indicator in INDICATORS:
        change = board.changes.get(indicator.key)
        stats.append(
            {
                "label": indicator.label,
                "definition": indicator.definition,
                "value": figure_text(board.figures.get(indicator.key), indicator.unit, numbers),
                "change": change_text(change, indicator.unit, numbers) if change else "",
                "direction": change["direction"] if change else "",
            }
        )
    return stats


TABLE_UNITS = [INDICATOR_KEYS[key].unit for key in TABLE_KEYS]


def table_columns():
    return [(key, INDICATOR_KEYS[key].label) for key in TABLE_KEYS]


def table_rows(rows, links, numbers):
    """The full table's rows (already sorted), each given its link and `cells`: the
    TABLE_KEYS' figures as shown, as table cells (a template loop over the 600 cells of a
    district's table would take longer than all the rest of the table)."""
    for row in rows:
        row.url = links.row(row)
        row.cells = mark_safe(
            "".join(
                f'<td class="num">{escape(figure_text(row.figures.get(key), unit, numbers))}</td>'
                for key, unit in zip(TABLE_KEYS, TABLE_UNITS, strict=True)
            )
        )
    return rows


def outcome_cells(outcomes, numbers):
    """A row of the outcome surveys' drill-down (surveys.results.Outcomes) as table cells:
    answers, the share agreeing per outcome, the follow-up application rate."""
    shares = [share for _outcome, share in outcomes.shares]
    applied = outcomes.applied_share if outcomes.followups else None
    texts = [
        numbers.grouped(outcomes.responses),
        *(f"{numbers.decimal_text(share, 0)}%" for share in shares),
        f"{numbers.decimal_text(applied, 0)}%" if outcomes.followups else NO_VALUE,
    ]
    return mark_safe("".join(f'<td class="num">{escape(text)}</td>' for text in texts))


def card_items(rows, links, numbers):
    """The phone's cards one level down, each given its link, `shown_figures` (three or
    four figures with their words, as the card's lines) and `flag`: what needs attention
    there (missing reports, libraries gone quiet), if anything."""
    for row in rows:
        row.url = links.row(row)
        row.shown_figures = mark_safe(
            "".join(
                f"\n        <span><b>{escape(value)}</b> {escape(words)}</span>"
                for value, words in _card_figures(row, numbers)
            )
        )
        row.flag = " · ".join(_card_flags(row))
    return rows


def _card_figures(row, numbers):
    figures = row.figures
    shown = [
        (
            figure_text(figures["compliance"], "percent", numbers),
            pgettext("dashboard card", "reports filed"),
        ),
        (numbers.grouped(figures["activities"]), pgettext("dashboard card", "activities")),
    ]
    if row.library:
        participants = pgettext("dashboard card", "participants")
        shown.append((numbers.grouped(figures["participants"]), participants))
    else:
        libraries = pgettext("dashboard card", "libraries")
        shown.insert(0, (numbers.grouped(figures["libraries"]), libraries))
    return shown


def _card_flags(row):
    """What needs attention at the card's place, if anything."""
    missing, quiet = row.missing_reports, row.figures["quiet"]
    if missing:
        yield ngettext("%(n)s report missing", "%(n)s reports missing", missing) % {"n": missing}
    if quiet and row.library:
        yield _("no activity for 60 days")
    elif quiet:
        yield ngettext("%(n)s quiet for 60 days", "%(n)s quiet for 60 days", quiet) % {"n": quiet}


def whatsapp_href(library):
    """A WhatsApp chat with the library with the coordinator's greeting typed in, or ""
    when it has no number."""
    if not library.whatsapp:
        return ""
    message = _(
        "Hello, this is the TPBIS coordinator about %(name)s. Do you have a moment to talk?"
    ) % {"name": library.name}
    return f"{library.whatsapp_link}?text={quote(message)}"


def attention_items(attention, numbers):
    """Each list of "who needs a call" (missing, quiet, fell) as the libraries to call: name,
    region, what is wrong where the heading does not say it all, and a WhatsApp link."""

    def item(library, note=""):
        return {
            "name": library.name,
            "region": library.region.name,
            "note": note,
            "whatsapp": whatsapp_href(library),
        }

    def last_activity(library):
        if not library.last_activity_on:
            return _("No activity recorded yet")
        return _("Last activity %(day)s") % {"day": date_format(library.last_activity_on, "j F Y")}

    def visitors(row):
        count = numbers.grouped(row.visitors_female + row.visitors_male)
        return _("%(visitors)s visitors") % {"visitors": count}

    return {
        "missing": [item(library) for library in attention["missing"]["libraries"]],
        "quiet": [
            item(library, last_activity(library)) for library in attention["quiet"]["libraries"]
        ],
        "fell": [item(row.library, visitors(row)) for row in attention["fell"]["rows"]],
    }
