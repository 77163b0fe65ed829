"""Files that are not what the import expects: refused as a whole with a clear message, or
row-level errors; never a 500, and nothing saved."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from inklusi.imports.models import ImportJob, State
from inklusi.reports.models import MonthlyReport

from .helpers import csv_bytes, report_row, upload, xlsx_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(libraries, people, login):
    libraries.air_batu.npp = "1607101002"
    libraries.air_batu.save()
    return login(people.regency)


def refused(client, data, name, capture):
    response, job = upload(client, "laporan", data, name, capture=capture)
    assert response.status_code == 302
    assert job.state == State.REFUSED
    assert job.content == b""  # not kept
    assert MonthlyReport.objects.count() == 0
    return job.message


def test_a_pdf_is_refused(client, django_capture_on_commit_callbacks):
    message = refused(
        client, b"%PDF-1.4\n\x00\x01binary", "laporan.csv", django_capture_on_commit_callbacks
    )
    assert "spreadsheet" in message or "lembar kerja" in message


def test_an_old_xls_is_refused(client, django_capture_on_commit_callbacks):
    message = refused(
        client,
        b"\xd0\xcf\x11\xe0" + b"\x00" * 100,
        "laporan.xls",
        django_capture_on_commit_callbacks,
    )
    assert ".xlsx" in message


def test_a_zip_that_is_no_workbook_is_refused(client, django_capture_on_commit_callbacks):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("hello.txt", "not a workbook")
    refused(client, out.getvalue(), "laporan.xlsx", django_capture_on_commit_callbacks)


def test_a_zip_bomb_is_refused_before_it_is_opened(client, django_capture_on_commit_callbacks):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * (210 * 1024 * 1024))
    refused(client, out.getvalue(), "laporan.xlsx", django_capture_on_commit_callbacks)


def test_unknown_columns_are_refused(client, django_capture_on_commit_callbacks):
    message = refused(
        client, b"nama,umur\nA,3\n", "laporan.csv", django_capture_on_commit_callbacks
    )
    assert "nama" in message and "umur" in message


def test_a_missing_required_column_is_refused(client, django_capture_on_commit_callbacks):
    message = refused(
        client, b"Bulan,Hari buka\n2025-01,3\n", "laporan.csv", django_capture_on_commit_callbacks
    )
    assert "Kode perpustakaan (NPP)" in message


def test_a_file_over_the_size_cap_is_refused_at_once(client, settings):
    big = SimpleUploadedFile("besar.csv", b"0" * (50 * 1024 * 1024))
    response = client.post(reverse("imports:index"), {"kind": "laporan", "file": big})
    assert response.status_code == 400
    assert "50,0 MB" in response.text
    assert not ImportJob.objects.exists()


def test_formulas_are_row_errors_not_values(client, django_capture_on_commit_callbacks):
    def add_formula(sheet):
        sheet["C2"] = "=1+1"

    data = xlsx_bytes("laporan", [report_row("1607101002")], change=add_formula)
    _response, job = upload(
        client, "laporan", data, "laporan.xlsx", capture=django_capture_on_commit_callbacks
    )
    assert job.state == State.CHECKED
    assert [(row, column) for row, column, _m in job.errors] == [(2, "Hari buka")]
    assert job.valid_rows == 0


def test_a_formula_in_a_csv_is_a_row_error(client, django_capture_on_commit_callbacks):
    data = csv_bytes("laporan", [report_row("1607101002", **{"Catatan": "=HYPERLINK(1)"})])
    _response, job = upload(client, "laporan", data, capture=django_capture_on_commit_callbacks)
    assert [(row, column) for row, column, _m in job.errors] == [(2, "Catatan")]


def test_merged_cells_are_row_errors(client, django_capture_on_commit_callbacks):
    def merge(sheet):
        sheet.merge_cells("C2:D2")

    data = xlsx_bytes("laporan", [report_row("1607101002")], change=merge)
    _response, job = upload(
        client, "laporan", data, "laporan.xlsx", capture=django_capture_on_commit_callbacks
    )
    assert {(row, column) for row, column, _m in job.errors} >= {(2, "Pengunjung perempuan")}
    assert "C2:D2" in job.errors[0][2]


def test_wrong_types_are_named_by_row_and_column(client, django_capture_on_commit_callbacks):
    rows = [report_row("1607101002", **{"Hari buka": 2.5, "Peminjaman buku": "lima", "Bulan": "x"})]
    data = xlsx_bytes("laporan", rows)
    _response, job = upload(
        client, "laporan", data, "laporan.xlsx", capture=django_capture_on_commit_callbacks
    )
    assert {(r, c) for r, c, _m in job.errors} == {
        (2, "Hari buka"),
        (2, "Peminjaman buku"),
        (2, "Bulan"),
    }


def test_the_template_example_row_is_skipped(client, django_capture_on_commit_callbacks):
    response = client.get(reverse("imports:template", args=["laporan"]))
    _response, job = upload(
        client,
        "laporan",
        response.content,
        "templat.xlsx",
        capture=django_capture_on_commit_callbacks,
    )
    assert job.state == State.CHECKED and job.rows == 0
