"""Tables to CSV or XLSX downloads, for every export in the project."""

import csv
from datetime import date, datetime

from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

FORMATS = ("csv", "xlsx")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class _Echo:
    def write(self, value):
        return value


def _cell(value):
    if isinstance(value, datetime) and timezone.is_aware(value):
        return timezone.localtime(value).replace(tzinfo=None)
    if value is None:
        return ""
    if isinstance(value, (int, float, date)):
        return value
    return str(value)


def table_response(fmt, filename, headers, rows, sheet_title="Data"):
    """`rows` is an iterable of sequences; CSV streams it, XLSX builds one sheet."""
    stamp = timezone.localdate().isoformat()
    if fmt == "csv":
        writer = csv.writer(_Echo())

        def lines():
            yield "\ufeff"  # lets Excel open the UTF-8 file with the right characters
            yield writer.writerow(headers)
            for row in rows:
                yield writer.writerow([_cell(v) for v in row])

        response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{filename}-{stamp}.csv"'
        return response
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(sheet_title[:31])
    widths = [len(str(h)) for h in headers]
    buffered = []
    for row in rows:
        values = [_cell(v) for v in row]
        for i, v in enumerate(values):
            widths[i] = max(widths[i], min(len(str(v)), 60))
        buffered.append(values)
    for i, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = width + 2
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header_cells = []
    for h in headers:
        cell = WriteOnlyCell(sheet, value=str(h))
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    for values in buffered:
        sheet.append(values)
    response = HttpResponse(content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}-{stamp}.xlsx"'
    workbook.save(response)
    return response
