"""Tables to CSV or XLSX downloads, for every export in the project.

Text people typed is written as text, never as a formula: in XLSX a cell starting with "=" is
marked as a string, in CSV a leading = + - @ gets an apostrophe (the usual guard against
spreadsheet formula injection). Control characters that XLSX cannot hold are dropped.

Every sheet of every workbook looks the same (`new_workbook`, `style_header`, `finish_sheet`):
one font that Excel has and LibreOffice replaces by a metric twin (Arial, Liberation Sans), a
bold header row that stays in view, filters on it, columns as wide as their contents, and a
print set-up (A4 landscape, one page wide, the header on every page). A value wrapped in
`money()` is shown as Rupiah, one in `month()` is a real date shown as a month.
"""

import csv
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from itertools import islice

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.text import capfirst
from django.views.decorators.http import require_safe
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.utils.indexed_list import IndexedList
from openpyxl.worksheet.properties import PageSetupProperties

FORMATS = ("csv", "xlsx")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Column widths are measured on the first rows only, so a large export stays a stream.
WIDTH_SAMPLE_ROWS = 500
MAX_WIDTH = 60
# Excel on every desktop has Arial; LibreOffice shows Liberation Sans, its metric twin.
FONT_NAME = "Arial"
BODY_FONT = Font(name=FONT_NAME, sz=10, family=2)
HEADER_FONT = Font(name=FONT_NAME, sz=10, family=2, bold=True)
HEADER_ALIGNMENT = Alignment(wrap_text=True, vertical="top")
# The height of one line of BODY_FONT, in points.
LINE_HEIGHT = 12.75
# Rupiah without decimals; the thousands separator follows the reader's locale (Rp11.275.000).
MONEY_FORMAT = '"Rp"#,##0'
MONTH_FORMAT = "yyyy-mm"
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
A4 = 9


@dataclass(frozen=True)
class Formatted:
    """A value with the number format a spreadsheet shows it in."""

    value: object
    format: str


def money(value):
    """A Rupiah amount: a number in the sheet, shown "Rp11.275.000"."""
    return Formatted(value, MONEY_FORMAT)


def month(value):
    """A month (its first day): a real date in the sheet, shown as the month."""
    return Formatted(value, MONTH_FORMAT)


def new_workbook(write_only=False):
    """A workbook whose every cell is written in BODY_FONT (the default font is replaced
    before the first cell, so no cell needs a style of its own)."""
    workbook = Workbook(write_only=write_only)
    workbook._fonts = IndexedList([BODY_FONT])
    workbook._named_styles["Normal"].font = BODY_FONT
    if not write_only:
        workbook.remove(workbook.active)
    return workbook


def sheet_title_text(title):
    """A sheet's name as Excel allows it: no control characters, at most 31 characters."""
    title = ILLEGAL_CHARACTERS_RE.sub("", capfirst(str(title)))
    return "".join(c for c in title if c not in "[]:*?/\\")[:31] or "Data"


def header_text(label):
    """A column header, capitalised the same way in every sheet."""
    return ILLEGAL_CHARACTERS_RE.sub("", capfirst(str(label)))


def style_header(cell):
    cell.font = HEADER_FONT
    cell.alignment = HEADER_ALIGNMENT
    return cell


def finish_sheet(sheet, header_row, columns, last_row, widths=None):
    """The sheet-wide settings (`set_up_sheet`), and filters on the header over the rows
    below it down to `last_row`. A write-only sheet needs `set_up_sheet` before its first row
    and this after its last."""
    set_up_sheet(sheet, header_row, widths)
    if columns:
        last_column = get_column_letter(columns)
        sheet.auto_filter.ref = f"A{header_row}:{last_column}{max(last_row, header_row)}"


def set_up_sheet(sheet, header_row, widths=None):
    """The rows down to `header_row` stay in view and print on every page, columns get
    `widths` ({1: width}), and the sheet prints A4 landscape, one page wide."""
    sheet.freeze_panes = f"A{header_row + 1}"
    for column, width in (widths or {}).items():
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_options.gridLines = False
    sheet.page_margins.left = sheet.page_margins.right = 0.4


class _Echo:
    def write(self, value):
        return value


def _cell(value):
    """A value as a spreadsheet holds it: numbers and dates as such, the rest as text."""
    if isinstance(value, Formatted):
        value = value.value
    if isinstance(value, datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value).replace(tzinfo=None)
        return value.replace(microsecond=0)
    if value is None:
        return ""
    if isinstance(value, (int, float, Decimal, date)):
        return value
    return str(value)


def _csv_cell(value):
    if isinstance(value, Formatted) and value.format == MONTH_FORMAT and value.value:
        return value.value.strftime("%Y-%m")
    value = _cell(value)
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _xlsx_cell(sheet, value):
    """What to append for `value`: a plain value, or a cell where it needs a format or must
    stay text."""
    number_format = None
    if isinstance(value, Formatted):
        number_format = value.format
    value = _cell(value)
    if isinstance(value, datetime) and number_format is None:
        number_format = DATETIME_FORMAT
    elif isinstance(value, date) and not isinstance(value, datetime) and number_format is None:
        number_format = DATE_FORMAT
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
        if value.startswith("="):
            cell = WriteOnlyCell(sheet, value=value)
            cell.data_type = "s"
            return cell
    if number_format and value != "":
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = number_format
        return cell
    return value


def list_export_view(visible, filter_form, table_rows, filename, sheet_title):
    """The CSV/XLSX download of a list page: the rows `visible(request)` gives the user,
    filtered by the list's `filter_form` as on the page, written by `table_rows(queryset)`
    into (headers, rows). `sheet_title` is a lazy translation."""

    @login_required
    @require_safe
    def export(request, fmt):
        if fmt not in FORMATS:
            raise Http404
        headers, rows = table_rows(filter_form(request.GET).apply(visible(request)))
        return table_response(fmt, filename, headers, rows, sheet_title=sheet_title)

    return export


def table_response(fmt, filename, headers, rows, sheet_title="Data"):
    """`rows` is an iterable of sequences; CSV streams it, XLSX builds one sheet."""
    stamp = timezone.localdate().isoformat()
    if fmt == "csv":
        writer = csv.writer(_Echo())

        def lines():
            yield "\ufeff"  # lets Excel open the UTF-8 file with the right characters
            yield writer.writerow([header_text(h) for h in headers])
            for row in rows:
                yield writer.writerow([_csv_cell(v) for v in row])

        response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{filename}-{stamp}.csv"'
        return response

    # write_only keeps rows in a temporary file, not in memory; widths must be set before the
    # first row, so they come from a sample of the first rows.
    workbook = new_workbook(write_only=True)
    sheet = workbook.create_sheet(sheet_title_text(sheet_title))
    rows = iter(rows)
    sample = list(islice(rows, WIDTH_SAMPLE_ROWS))
    set_up_sheet(sheet, 1, sample_widths(headers, sample))
    sheet.append([style_header(WriteOnlyCell(sheet, value=header_text(h))) for h in headers])
    count = 1
    for row in sample:
        sheet.append([_xlsx_cell(sheet, v) for v in row])
        count += 1
    for row in rows:
        sheet.append([_xlsx_cell(sheet, v) for v in row])
        count += 1
    finish_sheet(sheet, 1, len(headers), count)
    response = HttpResponse(content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}-{stamp}.xlsx"'
    workbook.save(response)
    return response


def shown_width(value):
    """About how many characters wide a value is shown."""
    if isinstance(value, Formatted):
        if value.format == MONEY_FORMAT and value.value is not None:
            return len(f"Rp{value.value:,.0f}")
        if value.format == MONTH_FORMAT:
            return 7
        value = value.value
    if isinstance(value, datetime):
        return 16
    if isinstance(value, date):
        return 10
    if isinstance(value, float):
        return len(f"{value:,.2f}")
    return len("" if value is None else str(value))


def sample_widths(headers, rows):
    """{column: width} fitting the headers and the values of `rows`, at most MAX_WIDTH
    characters (a streamed sheet cannot make its header row taller, so headers do not
    wrap)."""
    widths = {i: min(len(header_text(h)), MAX_WIDTH) for i, h in enumerate(headers, start=1)}
    for row in rows:
        for i, value in enumerate(row, start=1):
            widths[i] = max(widths.get(i, 0), min(shown_width(value), MAX_WIDTH))
    return {i: max(width, 6) + 2 for i, width in widths.items()}
