"""CSV and XLSX tables for every download."""

import datetime
import io
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook

from inklusi.core.exports import table_response

HEADERS = ["Nama", "Jumlah", "Tanggal", "Diubah", "Lintang"]
UTC = ZoneInfo("UTC")


def rows():
    return [
        [
            "Perpustakaan Desa Air Batu",
            12,
            datetime.date(2020, 7, 14),
            datetime.datetime(2024, 1, 31, 20, 30, 15, 123456, tzinfo=UTC),
            Decimal("-2.871200"),
        ],
        ["Taman Bacaan “Cahaya”", None, None, None, None],
    ]


def csv_text(response):
    return b"".join(response.streaming_content).decode("utf-8")


def xlsx_sheet(response):
    return load_workbook(io.BytesIO(response.content)).worksheets[0]


def test_csv_has_bom_and_header():
    response = table_response("csv", "uji", HEADERS, rows())
    text = csv_text(response)
    assert text.startswith("\ufeffNama,Jumlah,Tanggal,Diubah,Lintang\r\n")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="uji-')
    assert "Taman Bacaan “Cahaya”,,,," in text


def test_csv_writes_aware_datetimes_in_local_time():
    text = csv_text(table_response("csv", "uji", HEADERS, rows()))
    assert "2024-02-01 03:30:15" in text  # Asia/Jakarta is UTC+7
    assert "-2.871200" in text  # a negative number is not mistaken for a formula


def test_csv_text_never_starts_a_formula():
    text = csv_text(table_response("csv", "uji", ["a"], [["=1+1"], ["@SUM(A1)"], ["-x"]]))
    assert text.splitlines()[1:] == ["'=1+1", "'@SUM(A1)", "'-x"]


def test_xlsx_header_is_bold_and_frozen():
    response = table_response("xlsx", "uji", HEADERS, rows(), sheet_title="Perpustakaan")
    assert response["Content-Disposition"].endswith('.xlsx"')
    sheet = xlsx_sheet(response)
    assert sheet.title == "Perpustakaan"
    assert [c.value for c in sheet[1]] == HEADERS
    assert all(c.font.bold for c in sheet[1])
    assert not sheet["A2"].font.bold
    assert sheet.freeze_panes == "A2"


def test_xlsx_writes_aware_datetimes_as_local_naive():
    sheet = xlsx_sheet(table_response("xlsx", "uji", HEADERS, rows()))
    value = sheet["D2"].value
    assert value == datetime.datetime(2024, 2, 1, 3, 30, 15)
    assert value.tzinfo is None
    assert sheet["C2"].value.date() == datetime.date(2020, 7, 14)
    assert sheet["B2"].value == 12
    assert sheet["E2"].value == pytest.approx(-2.8712)  # a number, not text


def test_xlsx_keeps_typed_text_as_text():
    sheet = xlsx_sheet(
        table_response("xlsx", "uji", ["a"], [['=HYPERLINK("http://x")'], ["tab\x0bbed"]])
    )
    assert sheet["A2"].value == '=HYPERLINK("http://x")'
    assert sheet["A2"].data_type == "s"
    assert sheet["A3"].value == "tabbed"


def test_xlsx_sheet_title_is_cut_to_31_characters():
    sheet = xlsx_sheet(table_response("xlsx", "uji", ["a"], [], sheet_title="x" * 40))
    assert sheet.title == "X" + "x" * 30


def test_xlsx_streams_a_generator_of_many_rows():
    many = ([i, f"Perpustakaan {i}"] for i in range(12_000))
    sheet = xlsx_sheet(table_response("xlsx", "uji", ["ID", "Nama"], many))
    assert sheet.max_row == 12_001
    assert sheet["B12001"].value == "Perpustakaan 11999"


def test_xlsx_money_is_rupiah_and_months_are_real_dates():
    from inklusi.core.exports import MONEY_FORMAT, money, month

    sheet = xlsx_sheet(
        table_response(
            "xlsx",
            "uji",
            ["Bulan", "Biaya", "Tanggal"],
            [[month(datetime.date(2026, 10, 1)), money(11_275_000), datetime.date(2026, 10, 3)]],
        )
    )
    bulan, biaya, tanggal = sheet[2]
    assert bulan.is_date and bulan.value == datetime.datetime(2026, 10, 1)
    assert bulan.number_format == "yyyy-mm"
    assert biaya.value == 11_275_000 and biaya.number_format == MONEY_FORMAT == '"Rp"#,##0'
    assert tanggal.is_date and tanggal.number_format == "yyyy-mm-dd"


def test_csv_writes_months_as_year_and_month_and_money_as_a_number():
    from inklusi.core.exports import money, month

    text = csv_text(
        table_response(
            "csv", "uji", ["Bulan", "Biaya"], [[month(datetime.date(2026, 10, 1)), money(5)]]
        )
    )
    assert text.splitlines()[1] == "2026-10,5"


def test_every_sheet_has_the_shared_look():
    from inklusi.testing.exports import assert_styled_like_every_sheet

    response = table_response("xlsx", "uji", ["nama", "jumlah"], [["a", 1], ["b", 2]], "komitmen")
    sheet = xlsx_sheet(response)
    assert sheet.title == "Komitmen"
    assert [c.value for c in sheet[1]] == ["Nama", "Jumlah"]
    assert_styled_like_every_sheet(sheet)
    assert sheet.auto_filter.ref == "A1:B3"
    assert sheet["A2"].font.name == "Arial"  # the body too, not Calibri LibreOffice lacks
