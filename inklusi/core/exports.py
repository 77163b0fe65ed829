"""Tables to CSV or XLSX downloads, for every export in the project.

Text people typed is written as text, never as a formula: in XLSX a cell starting with "=" is
marked as a string, in CSV a leading = + - @ gets an apostrophe (the usual guard against
spreadsheet formula injection). Control characters that XLSX cannot hold are dropped.
"""

import csv
from datetime import date, datetime
from decimal import Decimal
from itertools import islice

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.utils import timezone
from django.views.decorators.http import require_safe
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

FORMATS = ("csv", "xlsx")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Column widths are measured on the first rows only, so a large export stays a stream.
WIDTH_SAMPLE_ROWS = 500
MAX_WIDTH = 60


class _Echo:
    def write(self, value):
        return value


def _cell(value):
    """A value as a spreadsheet holds it: numbers and dates as such, the rest as text."""
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
    value = _cell(value)
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _xlsx_cell(sheet, value):
    value = _cell(value)
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
        if value.startswith("="):
            cell = WriteOnlyCell(sheet, value=value)
            cell.data_type = "s"
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
        return table_response(fmt, filename, headers, rows, sheet_title=str(sheet_title))

    return export


def table_response(fmt, filename, headers, rows, sheet_title="Data"):
    """`rows` is an iterable of sequences; CSV streams it, XLSX builds one sheet."""
    stamp = timezone.localdate().isoformat()
    if fmt == "csv":
        writer = csv.writer(_Echo())

        def lines():
            yield "\ufeff"  # lets Excel open the UTF-8 file with the right characters
            yield writer.writerow([str(h) for h in headers])
            for row in rows:
                yield writer.writerow([_csv_cell(v) for v in row])

        response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{filename}-{stamp}.csv"'
        return response

    # write_only keeps rows in a temporary file, not in memory; widths and the frozen header
    # must be set before the first row, so they come from a sample of the first rows.
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(ILLEGAL_CHARACTERS_RE.sub("", str(sheet_title))[:31] or "Data")
    rows = iter(rows)
    sample = list(islice(rows, WIDTH_SAMPLE_ROWS))
    widths = [len(str(h)) for h in headers]
    for row in sample:
        for i, value in enumerate(row):
            text = "" if value is None else str(_cell(value))
            widths[i] = max(widths[i], min(len(text), MAX_WIDTH))
    for i, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = width + 2
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header_cells = []
    for h in headers:
        cell = WriteOnlyCell(sheet, value=ILLEGAL_CHARACTERS_RE.sub("", str(h)))
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    for row in sample:
        sheet.append([_xlsx_cell(sheet, v) for v in row])
    for row in rows:
        sheet.append([_xlsx_cell(sheet, v) for v in row])
    response = HttpResponse(content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}-{stamp}.xlsx"'
    workbook.save(response)
    return response
