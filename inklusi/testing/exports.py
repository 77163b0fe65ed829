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


def xlsx_sheets(response):
    """The sheets of an XLSX answer with their styles (number formats, fonts, print set-up)."""
    return load_workbook(io.BytesIO(response.content)).worksheets


def column_cells(sheet, header, header_row=1):
    """The cells under the header named `header`."""
    headers = [cell.value for cell in sheet[header_row]]
    column = headers.index(header) + 1
    return [sheet.cell(row, column) for row in range(header_row + 1, sheet.max_row + 1)]


def assert_styled_like_every_sheet(sheet, header_row=1):
    """The shared look (inklusi.core.exports): a header in a font LibreOffice has, frozen,
    filtered and printed on every page; A4 landscape, one page wide."""
    from inklusi.core.exports import FONT_NAME

    header = [cell for cell in sheet[header_row] if cell.value is not None]
    assert header and all(c.font.bold and c.font.name == FONT_NAME for c in header)
    assert all(c.value[0] == c.value[0].upper() for c in header if isinstance(c.value, str))
    assert sheet.freeze_panes == f"A{header_row + 1}"
    assert sheet.auto_filter.ref.startswith(f"A{header_row}:")
    assert sheet.print_title_rows == f"${header_row}:${header_row}"
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.page_setup.paperSize == 9
    assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (1, 0)
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert all(sheet.column_dimensions[c.column_letter].width for c in header)
