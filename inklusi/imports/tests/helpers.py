"""Spreadsheets for the import tests, and uploading one as a person would."""

import io
from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from inklusi.core.months import add_months, first_of_month
from inklusi.imports.kinds import KINDS
from inklusi.imports.models import ImportJob


def last_month():
    return add_months(first_of_month(date.today()), -1)


def csv_bytes(kind, rows, *, delimiter=","):
    """A CSV with the kind's template header; rows are {header: value}."""
    headers = [column.header for column in KINDS[kind].columns]
    lines = [delimiter.join(headers)]
    for row in rows:
        lines.append(delimiter.join(str(row.get(h, "")) for h in headers))
    return ("\n".join(lines) + "\n").encode()


def xlsx_bytes(kind, rows, *, change=None):
    """An XLSX with the kind's header; `change(sheet)` may add formulas or merges."""
    headers = [column.header for column in KINDS[kind].columns]
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(headers)
    for row in rows:
        sheet.append([row.get(h) for h in headers])
    if change:
        change(sheet)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def report_row(code, month=None, **figures):
    row = {"Kode perpustakaan (NPP)": code, "Bulan": (month or last_month()).strftime("%Y-%m")}
    row.update(
        {
            "Hari buka": 20,
            "Pengunjung perempuan": 30,
            "Pengunjung laki-laki": 25,
            "Anggota baru": 2,
            "Jumlah anggota": 40,
            "Peminjaman buku": 15,
            "Pengguna komputer": 5,
            "Pengguna internet": 6,
        }
    )
    row.update(figures)
    return row


def upload(client, kind, data, name="data.csv", capture=None):
    """Upload and run the check (the task runs once the request commits)."""
    files = {"kind": kind, "file": SimpleUploadedFile(name, data)}
    with capture(execute=True):
        response = client.post(reverse("imports:index"), files)
    job = ImportJob.objects.order_by("-pk").first()
    return response, job


def start(client, job, mode, capture):
    with capture(execute=True):
        response = client.post(reverse("imports:start", args=[job.pk]), {"mode": mode})
    job.refresh_from_db()
    return response, job
