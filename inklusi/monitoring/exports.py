"""Downloads of a dashboard: an XLSX workbook with every figure behind the page, and a one-page
A4 PDF to hand over at a meeting.

The workbook writes text and styles its sheets the way `inklusi.core.exports` does (a name
starting with "=" stays text; one font, frozen and filtered header, print set-up), keeps numbers
as numbers (shares as fractions with a percent format, changes of shares in points), rounded as
the page and the PDF round them (`inklusi.core.numbers`), and lists every library that needs
attention, not only the first few the page shows.
"""

from collections import defaultdict
from math import ceil

from django.http import HttpResponse
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext
from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.styles import Font

from inklusi.core import progress
from inklusi.core.exports import (
    BODY_FONT,
    DATE_FORMAT,
    HEADER_FONT,
    LINE_HEIGHT,
    MAX_WIDTH,
    MONTH_FORMAT,
    XLSX_TYPE,
    _xlsx_cell,
    finish_sheet,
    header_text,
    new_workbook,
    sheet_title_text,
    shown_width,
    style_header,
)
from inklusi.core.exports import (
    Formatted as Number,
)
from inklusi.core.numbers import half_up
from inklusi.core.pdf import pdf_response as render_pdf_response
from inklusi.core.pdf import render_pdf
from inklusi.libraries.models import Status

from .indicators import (
    INDICATOR_KEYS,
    INDICATORS,
    TABLE_KEYS,
    fallen_libraries,
    missing_reports,
    quiet_libraries,
)
from .page import DECIMALS, change_text, figure_text

# The attention sheet lists at most this many libraries per list.
ATTENTION_EXPORT_LIMIT = 5000
# The attention sheet tells its progress every this many rows.
ATTENTION_PROGRESS_ROWS = 250
# The PDF's table shows the places with the most libraries, this many, with the columns that
# fit the page (the spreadsheet has all of TABLE_KEYS).
PDF_TABLE_ROWS = 15
PDF_TABLE_KEYS = (
    "libraries",
    "compliance",
    "visitors",
    "members",
    "activities",
    "participants",
    "women_share",
    "activities_per_library",
    "quiet",
)
PDF_TEMPLATE = "monitoring/dashboard_pdf.html"
# The PDF's headline figures, in this order.
HEADLINE_KEYS = (
    "libraries",
    "compliance",
    "visitors",
    "activities",
    "participants",
    "women_share",
    "activities_per_library",
    "quiet",
)
# The numbers behind the shares of reports filed.
REPORT_COUNTS = (
    ("expected_reports", gettext_lazy("Monthly reports expected")),
    ("reports", gettext_lazy("Monthly reports filed")),
)
NUMBER_FORMATS = {"count": "#,##0", "percent": "0.0%", "decimal": "0.00"}
# A share's change is in percentage points, as the page and the PDF write it.
CHANGE_FORMATS = {
    "count": "+#,##0;-#,##0;0",
    "percent": '+0.0" pt";-0.0" pt";0.0" pt"',
    "decimal": "+0.00;-0.00;0.00",
}
RELATIVE_CHANGE_FORMAT = "+0%;-0%;0%"
BOLD = HEADER_FONT
ITALIC = Font(name=BODY_FONT.name, sz=BODY_FONT.sz, family=2, italic=True)
# A header wider than this wraps, rather than widen a column of short numbers.
HEADER_WIDTH = 14


def filename(board, extension):
    """pantauan-<place>-<first month>-<last month>.<extension>, in ASCII."""
    place = slugify(str(board.place.name)) or "tempat"
    return f"pantauan-{place}-{board.period.first:%Y-%m}-{board.period.last:%Y-%m}.{extension}"


def previous_value(board, key):
    if INDICATOR_KEYS[key].as_of_today:
        return None
    return board.previous_figures.get(key)


# XLSX --------------------------------------------------------------------------------------


def indicator_number(value, unit, formats=NUMBER_FORMATS):
    """An indicator's value for a cell, rounded as the page shows it: a share (0–100) as a
    fraction shown as a percent (a change of a share stays in points)."""
    if value is None:
        return None
    if unit == "count":
        return Number(value, formats[unit])
    rounded = half_up(value, DECIMALS[unit])
    if unit == "percent" and formats is NUMBER_FORMATS:
        rounded = rounded / 100
    return Number(rounded, formats[unit])


def count(value):
    return indicator_number(value, "count")


def day(value):
    return Number(value, DATE_FORMAT) if value else None


def relative_change(change):
    """A count's change as a signed fraction of the previous value (the comparison gives its
    size and direction apart)."""
    if not change or change["percent"] is None:
        return None
    sign = -1 if change["change"] < 0 else 1
    return Number(sign * half_up(change["percent"], 0) / 100, RELATIVE_CHANGE_FORMAT)


class SheetWriter:
    """A worksheet written row by row: text stays text, numbers keep their format, and the
    columns are as wide as what was written in them (notes excepted)."""

    def __init__(self, workbook, title):
        self.sheet = workbook.create_sheet(sheet_title_text(title))
        self.widths = defaultdict(int)
        self.header_row = 1
        self.columns = 0
        self.header_rows = []

    def _cell(self, value, font=None):
        cell = _xlsx_cell(self.sheet, value) if value is not None else None
        if not isinstance(cell, Cell):
            cell = WriteOnlyCell(self.sheet, value=cell)
        if font:
            cell.font = font
        return cell

    def row(self, *values, font=None, max_width=MAX_WIDTH):
        self.sheet.append([self._cell(value, font) for value in values])
        for column, value in enumerate(values, start=1):
            width = min(shown_width(value), max_width)
            self.widths[column] = max(self.widths[column], width)

    def header(self, *labels, freeze=False):
        """A bold header row, wrapped where long; `freeze` keeps it (and the rows above) in
        view."""
        self.row(*(header_text(label) for label in labels), max_width=HEADER_WIDTH)
        self.header_rows.append((self.sheet.max_row, [header_text(label) for label in labels]))
        for cell in self.sheet[self.sheet.max_row]:
            style_header(cell)
        if freeze:
            self.header_row = self.sheet.max_row
            self.columns = len(labels)

    def note(self, text):
        self.sheet.append([self._cell(text, ITALIC)])

    def blank(self):
        self.sheet.append([])

    def finish(self):
        widths = {column: max(width, 8) + 2 for column, width in self.widths.items()}
        finish_sheet(self.sheet, self.header_row, self.columns, self.sheet.max_row, widths)
        # A wrapped header gets the lines it needs (LibreOffice does not grow the row).
        for row, labels in self.header_rows:
            lines = max(
                ceil(len(label) / (widths[column] - 2)) for column, label in enumerate(labels, 1)
            )
            self.sheet.row_dimensions[row].height = LINE_HEIGHT * max(lines, 1)


def _summary(workbook, board):
    sheet = SheetWriter(workbook, _("Summary"))
    sheet.row(_("Place"), board.place.name)
    sheet.row(_("Period"), board.period.label)
    sheet.row(_("Compared with"), board.previous.label)
    sheet.blank()
    sheet.header(
        _("Indicator"),
        _("This period"),
        _("Previous period"),
        pgettext("difference between periods", "Change"),
        pgettext("difference between periods", "Change (%)"),
        freeze=True,
    )
    for indicator in INDICATORS:
        change = board.changes.get(indicator.key)
        sheet.row(
            indicator.label,
            indicator_number(board.figures.get(indicator.key), indicator.unit),
            indicator_number(previous_value(board, indicator.key), indicator.unit),
            indicator_number(change and change["change"], indicator.unit, CHANGE_FORMATS),
            relative_change(change),
        )
    for key, label in REPORT_COUNTS:
        sheet.row(label, count(board.figures[key]), count(board.previous_figures[key]))
    sheet.note(_("Changes in shares are in percentage points."))

    sheet.blank()
    sheet.header(_("Libraries by status"), _("Libraries"))
    for status, libraries in board.figures["by_status"].items():
        sheet.row(Status(status).label, count(libraries))

    sheet.blank()
    sheet.header(
        _("Activity category"), _("Activities"), _("Participants"), _("Activities, previous period")
    )
    for category in board.categories:
        sheet.row(
            category["name"],
            count(category["activities"]),
            count(category["participants"]),
            count(category["previous"]),
        )
    if not board.categories:
        sheet.note(_("No activity in these periods."))
    sheet.finish()


def place_code(place):
    """The code of a Place or a table row (Child): the library's NPP (its number in Inklusi
    without one), or the region code ("" for the nation)."""
    if place.library:
        return place.library.npp or place.library.pk
    return place.region.code if place.region else ""


def _places(workbook, board):
    sheet = SheetWriter(workbook, _("Places"))
    sheet.header(
        _("Name"),
        _("Code"),
        *(INDICATOR_KEYS[key].label for key in TABLE_KEYS),
        *(label for _key, label in REPORT_COUNTS),
        freeze=True,
    )

    def figures_row(name, code, figures, font=None):
        sheet.row(
            name,
            code,
            *(indicator_number(figures.get(key), INDICATOR_KEYS[key].unit) for key in TABLE_KEYS),
            *(count(figures[key]) for key, _label in REPORT_COUNTS),
            font=font,
        )

    for row in board.rows:
        figures_row(row.name, place_code(row), row.figures)
    figures_row(
        _("Total: %(place)s") % {"place": board.place.name},
        place_code(board.place),
        board.figures,
        font=BOLD,
    )
    sheet.finish()


def _capped(queryset):
    """(the first ATTENTION_EXPORT_LIMIT rows, the full count when there were more)."""
    rows = list(queryset[: ATTENTION_EXPORT_LIMIT + 1])
    if len(rows) > ATTENTION_EXPORT_LIMIT:
        return rows[:ATTENTION_EXPORT_LIMIT], queryset.count()
    return rows, None


def _attention(workbook, board, on_progress):
    """The libraries of the three attention lists; `on_progress` hears 0–100 of this sheet."""
    sheet = SheetWriter(workbook, _("Attention"))
    sheet.header(
        _("List"),
        _("Library"),
        _("Region"),
        _("Region code"),
        _("WhatsApp number"),
        _("Last activity"),
        _("Visitors"),
        freeze=True,
    )
    place, attention = board.place, board.attention
    missing_month = date_format(attention["missing"]["month"], "F Y")
    fell_month = date_format(attention["fell"]["month"], "F Y")
    since = date_format(attention["quiet"]["since"], "j F Y")
    lists = (
        (
            _("No report for %(month)s") % {"month": missing_month},
            missing_reports(place, attention["missing"]["month"]),
            lambda library: (library, None),
        ),
        (
            _("No activity since %(date)s") % {"date": since},
            quiet_libraries(place),
            lambda library: (library, None),
        ),
        (
            _("Visitors fell sharply in %(month)s") % {"month": fell_month},
            fallen_libraries(place, attention["fell"]["month"]),
            lambda row: (row.library, row.visitors_female + row.visitors_male),
        ),
    )
    for number, (title, queryset, library_and_visitors) in enumerate(lists):
        rows, total = _capped(queryset)
        for index, row in enumerate(rows):
            if index % ATTENTION_PROGRESS_ROWS == 0:
                on_progress(100 * (number + index / len(rows)) / len(lists), "attention")
            library, visitors = library_and_visitors(row)
            sheet.row(
                title,
                library.name,
                library.region.label,
                library.region_id,
                library.whatsapp,
                day(library.last_activity_on),
                count(visitors),
            )
        if total:
            sheet.note(
                _("%(title)s: the first %(shown)s of %(total)s libraries are listed.")
                % {
                    "title": title,
                    "shown": number_format(ATTENTION_EXPORT_LIMIT, force_grouping=True),
                    "total": number_format(total, force_grouping=True),
                }
            )
    sheet.finish()


def _trend(workbook, board):
    sheet = SheetWriter(workbook, _("Trend"))
    sheet.header(_("Month"), _("Visitors"), _("Activities"), _("Participants"), freeze=True)
    for point in board.trend:
        sheet.row(
            Number(point["month"], MONTH_FORMAT),
            count(point["visitors"]),
            count(point["activities"]),
            count(point["participants"]),
        )
    sheet.finish()


def _definitions(workbook, board):
    sheet = SheetWriter(workbook, _("Definitions"))
    sheet.header(_("Indicator"), _("Definition"), freeze=True)
    for indicator in INDICATORS:
        sheet.row(indicator.label, indicator.definition)
    sheet.blank()
    sheet.note(source_text())
    sheet.note(_("Changes in shares are in percentage points."))
    sheet.note(
        _("Generated on %(moment)s.") % {"moment": date_format(timezone.localtime(), "j F Y H:i")}
    )
    sheet.finish()


def source_text():
    return _(
        "Figures from the monthly reports and published community activities recorded in "
        "Inklusi, added up by month; libraries from the Inklusi library registry."
    )


def write_xlsx(board, target, on_progress=progress.ignore):
    """The workbook into `target` (a response, a file or a path). `on_progress(percent, stage)`
    hears how far it is (0–100) and the sheet it writes (the keys of
    `inklusi.downloads.models.Stage`). The percents are the times measured on the nation's:
    the attention lists 70 %, saving 26 %, the rest almost nothing."""
    workbook = new_workbook()
    on_progress(0, "summary")
    _summary(workbook, board)
    on_progress(1, "places")
    _places(workbook, board)
    on_progress(2, "attention")
    _attention(workbook, board, progress.part(on_progress, 2, 72))
    on_progress(72, "trend")
    _trend(workbook, board)
    on_progress(73, "definitions")
    _definitions(workbook, board)
    on_progress(74, "saving")
    workbook.save(target)
    on_progress(100, "saving")


def xlsx_response(board):
    response = HttpResponse(content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename(board, "xlsx")}"'
    write_xlsx(board, response)
    return response


# PDF ---------------------------------------------------------------------------------------


def headline(board):
    figures = []
    for key in HEADLINE_KEYS:
        indicator = INDICATOR_KEYS[key]
        change = board.changes.get(key)
        figures.append(
            {
                "label": indicator.label,
                "value": figure_text(board.figures.get(key), indicator.unit),
                "change": change_text(change, indicator.unit),
                "direction": change["direction"] if change else "",
            }
        )
    return figures


# Words Indonesian officials shorten in tables.
SHORT_WORDS = (
    ("Perpustakaan ", "Perpus. "),
    ("Kabupaten ", "Kab. "),
    ("Kecamatan ", "Kec. "),
    ("Provinsi ", "Prov. "),
)


def short_name(name):
    """A place's name as a table row shows it: "Perpus. Daerah Kab. Banyuasin"."""
    for word, short in SHORT_WORDS:
        name = name.replace(word, short)
    return name


def pdf_context(board):
    rows = sorted(board.rows, key=lambda row: (-row.figures["libraries"], row.name.lower()))
    return {
        "board": board,
        "place": board.place,
        "printed": timezone.localtime(),
        "headline": headline(board),
        "charts": board.charts(),
        "columns": [INDICATOR_KEYS[key] for key in PDF_TABLE_KEYS],
        "rows": [
            {
                "name": short_name(str(row.name)),
                "values": [
                    figure_text(row.figures.get(key), INDICATOR_KEYS[key].unit)
                    for key in PDF_TABLE_KEYS
                ],
            }
            for row in rows[:PDF_TABLE_ROWS]
        ],
        "hidden_rows": max(0, len(rows) - PDF_TABLE_ROWS),
        "source": source_text(),
    }


def pdf_bytes(board):
    """The one-page PDF, for an e-mail (the monthly digest attaches it)."""
    return render_pdf(PDF_TEMPLATE, pdf_context(board))


def pdf_response(board, request):
    return render_pdf_response(PDF_TEMPLATE, pdf_context(board), request, filename(board, "pdf"))
