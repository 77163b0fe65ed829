"""Reading an uploaded table (XLSX or CSV) into rows of cells, refusing what is not one.

A file is refused as a whole (`Refused`, with a message for the person) when it is too large,
not a spreadsheet, an old binary .xls, a ZIP that would unpack to far more than a sheet, or its
header does not match the template. Problems of single cells (a formula, a merged cell) are
not refusals: they come back beside the row, and the row is shown with its errors.
"""

import csv
import io
import zipfile
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext as _
from openpyxl import load_workbook

XLSX_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # the old binary .xls (and .doc)
# An XLSX is a ZIP; one that would unpack to more than this is refused before it is opened.
MAX_UNPACKED_BYTES = 200 * 1024 * 1024


class Refused(Exception):
    """The file as a whole cannot be read; the message says why, for the person."""


@dataclass
class Row:
    number: int  # as the spreadsheet numbers it (the header is row 1)
    cells: dict  # header -> value (str, int, float, date, datetime or None)
    problems: list = field(default_factory=list)  # (header, message) of single cells


def read_table(data, headers, *, required=(), example=None):
    """The rows of `data` (bytes of an XLSX or CSV) under the template's `headers`. The
    template's `example` row, left as it is, is skipped, and so are empty rows."""
    if len(data) > settings.IMPORT_MAX_BYTES:
        raise Refused(too_large_message(len(data)))
    if data.startswith(XLSX_MAGIC):
        header, rows = _xlsx_rows(data)
    elif data.startswith(OLE_MAGIC):
        raise Refused(_("This is an old Excel file (.xls). Save it as .xlsx and upload again."))
    else:
        header, rows = _csv_rows(data)
    columns = _check_header(header, headers)
    missing = [name for name in required if name not in {name for _i, name in columns}]
    if missing:
        raise Refused(_("Columns missing: %(names)s.") % {"names": ", ".join(missing)})
    found = []
    for number, values, problems in rows:
        cells = {name: values[i] if i < len(values) else None for i, name in columns}
        if all(value in (None, "") for value in cells.values()) and not problems:
            continue
        if example and all(_same(cells.get(k), v) for k, v in example.items()):
            continue
        found.append(Row(number, cells, [(columns_by_index(columns, i), m) for i, m in problems]))
        if len(found) > settings.IMPORT_MAX_ROWS:
            raise Refused(
                _("The file has more than %(rows)s rows. Split it into several files.")
                % {"rows": f"{settings.IMPORT_MAX_ROWS:,}".replace(",", ".")}
            )
    return found


def too_large_message(size):
    return _("The file is %(size)s MB; at most %(max)s MB can be imported.") % {
        "size": f"{size / 1024 / 1024:.1f}".replace(".", ","),
        "max": settings.IMPORT_MAX_BYTES // (1024 * 1024),
    }


def columns_by_index(columns, index):
    for i, name in columns:
        if i == index:
            return name
    return ""


def _same(value, example):
    return str(value if value is not None else "").strip() == str(example)


def _check_header(header, headers):
    """[(column index, header)] of the template's columns; a refusal names what is wrong."""
    names = [str(cell or "").strip() for cell in header]
    wanted = {h.casefold(): h for h in headers}
    columns, unknown, seen = [], [], set()
    for index, name in enumerate(names):
        if not name:
            continue
        key = name.casefold()
        if key not in wanted:
            unknown.append(name)
        elif key in seen:
            raise Refused(_("The column “%(name)s” appears twice.") % {"name": name})
        else:
            seen.add(key)
            columns.append((index, wanted[key]))
    if unknown or not columns:
        raise Refused(
            _(
                "The first row must hold the template's column names. Unknown columns: "
                "%(unknown)s. Download the template and copy your data into it."
            )
            % {"unknown": ", ".join(unknown) or "–"}
        )
    return columns


def _xlsx_rows(data):
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED_BYTES:
            raise Refused(_("The spreadsheet is too large once unpacked."))
        workbook = load_workbook(io.BytesIO(data), data_only=False)
    except Refused:
        raise
    except Exception as error:  # zipfile, XML and openpyxl raise many kinds
        raise Refused(_("The file could not be read as a spreadsheet (.xlsx or .csv).")) from error
    sheet = workbook.worksheets[0]
    merged = {}
    for cells in sheet.merged_cells.ranges:
        for row in range(cells.min_row, cells.max_row + 1):
            for column in range(cells.min_col - 1, cells.max_col):
                merged[row, column] = str(cells)
    if any(row == 1 for row, _column in merged):
        raise Refused(_("The column names must not be in merged cells."))
    lines = sheet.iter_rows()
    header = [cell.value for cell in next(lines, [])]

    def rows():
        for number, line in enumerate(lines, start=2):
            values, problems = [], []
            for index, cell in enumerate(line):
                value = cell.value
                if cell.data_type == "f" or (isinstance(value, str) and value.startswith("=")):
                    problems.append((index, formula_problem()))
                    value = None
                elif (number, index) in merged:
                    problems.append((index, merged_problem(merged[number, index])))
                    value = None
                values.append(value)
            yield number, values, problems

    return header, rows()


def formula_problem():
    return _("A formula is not accepted: paste the values instead (Paste special, Values).")


def merged_problem(cells):
    return _("Merged cells (%(cells)s) are not accepted: unmerge them.") % {"cells": cells}


def _csv_rows(data):
    if b"\x00" in data[:65536]:
        raise Refused(_("The file could not be read as a spreadsheet (.xlsx or .csv)."))
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - cp1252 leaves few bytes undecoded
        raise Refused(_("The file could not be read as a spreadsheet (.xlsx or .csv)."))
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    try:
        lines = list(csv.reader(io.StringIO(text), dialect))
    except csv.Error as error:
        raise Refused(_("The file could not be read as a spreadsheet (.xlsx or .csv).")) from error
    if not lines:
        raise Refused(_("The file is empty."))

    def rows():
        for number, line in enumerate(lines[1:], start=2):
            values, problems = [], []
            for index, value in enumerate(line):
                value = value.strip()
                if value.startswith("="):
                    problems.append((index, formula_problem()))
                    value = None
                values.append(value or None)
            yield number, values, problems

    return lines[0], rows()
