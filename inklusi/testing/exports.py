"""Reading back what an export view answered, for tests of CSV and XLSX downloads."""

import csv
import io

from openpyxl import load_workbook


def csv_rows(response):
    """The rows of a streamed CSV answer (which starts with a byte-order mark for Excel)."""
    raw = b"".join(response.streaming_content).decode("utf-8")
    assert raw.startswith("\ufeff")
    return list(csv.reader(io.StringIO(raw[1:])))


def xlsx_rows(response):
    """The rows of the first sheet of an XLSX answer, as lists of values."""
    book = load_workbook(io.BytesIO(response.content), read_only=True)
    return [list(row) for row in book.worksheets[0].iter_rows(values_only=True)]
