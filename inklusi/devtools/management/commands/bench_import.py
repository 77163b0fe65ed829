"""Time the spreadsheet import: 10,000 rows of each kind, checked (the preview) and imported.

    [DATABASE_URL=...] python manage.py bench_import [--rows 10000] [--keep]

Meant for a throw-away database. It adds a made-up province (code 99) with 1,000 villages
and a national admin, then for each kind writes an XLSX of `--rows` rows as a person would
fill the template, and runs it through the real path (`imports.services`: the check, then
the import of all rows, with the summaries refreshed at the end): the library registry (new
libraries, one per row), monthly reports (the first 1,000 libraries, ten months each), past
activities (the same libraries, ten each). Prints seconds per kind with the load average.
Everything is rolled back at the end unless `--keep`.
"""

import io
import os
import time
from datetime import date, timedelta

from django.core.management.base import BaseCommand
from django.db import transaction
from openpyxl import Workbook

from inklusi.accounts.models import User
from inklusi.core.months import add_months, first_of_month
from inklusi.imports import services
from inklusi.imports.kinds import KINDS
from inklusi.imports.models import ImportJob, Mode, State
from inklusi.regions.models import Region

PROVINCE = "99"
VILLAGES = 1000
LIBRARIES_WITH_ROWS = 1000


class Rollback(Exception):
    pass


def seed_regions():
    regions = [Region(code=PROVINCE, name="Provinsi Uji", level=1, search_text="provinsi uji")]
    regions.append(Region(code="99.01", name="Kabupaten Uji", level=2, parent_id=PROVINCE))
    for district in range(1, 11):
        code = f"99.01.{district:02d}"
        regions.append(Region(code=code, name=f"Kecamatan {district}", level=3, parent_id="99.01"))
        for village in range(1, VILLAGES // 10 + 1):
            regions.append(
                Region(
                    code=f"{code}.{2000 + village}",
                    name=f"Desa {district}-{village}",
                    level=4,
                    parent_id=code,
                )
            )
    Region.objects.bulk_create(regions, batch_size=1000)
    return [r.code for r in regions if r.level == 4]


def workbook(kind, rows):
    book = Workbook()
    sheet = book.active
    headers = [column.header for column in KINDS[kind].columns]
    sheet.append(headers)
    for row in rows:
        sheet.append([row.get(header) for header in headers])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def library_rows(count, villages):
    return [
        {
            "Kode perpustakaan (NPP)": f"99{number:08d}",
            "Nama": f"Perpustakaan Desa Uji {number}",
            "Jenis": "village",
            "Kode wilayah": villages[number % len(villages)],
            "Alamat": f"Jl. Desa No. {number}",
            "Status program": "beneficiary",
            "Bergabung sejak": date(2024, 1, 15),
            "Tahun kohort": 2024,
        }
        for number in range(count)
    ]


def report_rows(count):
    months = [add_months(first_of_month(date.today()), -n) for n in range(1, 11)]
    return [
        {
            "Kode perpustakaan (NPP)": f"99{number % LIBRARIES_WITH_ROWS:08d}",
            "Bulan": months[number // LIBRARIES_WITH_ROWS % len(months)],
            "Hari buka": 20,
            "Pengunjung perempuan": 30 + number % 7,
            "Pengunjung laki-laki": 25,
            "Anggota baru": 2,
            "Jumlah anggota": 40,
            "Peminjaman buku": 15,
            "Pengguna komputer": 5,
            "Pengguna internet": 6,
        }
        for number in range(count)
    ]


def activity_rows(count):
    return [
        {
            "Kode perpustakaan (NPP)": f"99{number % LIBRARIES_WITH_ROWS:08d}",
            "Tanggal": date.today() - timedelta(days=1 + number // LIBRARIES_WITH_ROWS * 7),
            "Judul": f"Kegiatan {number}",
            "Kategori": "literacy",
            "Peserta perempuan": 6,
            "Peserta laki-laki": 4,
            "Biaya (Rp)": 50000,
            "Sumber dana": "village",
        }
        for number in range(count)
    ]


def timed(user, kind, data):
    """Seconds to check and to import, through the services the tasks call."""
    job = ImportJob.objects.create(user=user, kind=kind, file_name=f"{kind}.xlsx", content=data)
    started = time.perf_counter()
    services.check(job.pk)
    checked = time.perf_counter() - started
    job.refresh_from_db()
    if job.state != State.CHECKED or job.error_count:
        raise RuntimeError(f"{kind}: {job.state} {job.message} {job.errors[:3]}")
    services.start(job, Mode.ALL)
    started = time.perf_counter()
    services.run(job.pk)
    imported = time.perf_counter() - started
    job.refresh_from_db()
    if job.state != State.DONE:
        raise RuntimeError(f"{kind}: {job.state} {job.message}")
    return checked, imported, job.new_rows


class Command(BaseCommand):
    help = "Time the spreadsheet import of 10,000 rows of each kind."

    def add_arguments(self, parser):
        parser.add_argument("--rows", type=int, default=10_000)
        parser.add_argument("--keep", action="store_true", help="keep the rows written")

    def handle(self, *args, rows, keep, **options):
        try:
            with transaction.atomic():
                self.measure(rows)
                if not keep:
                    raise Rollback
        except Rollback:
            self.stdout.write("(rolled back)")

    def measure(self, rows):
        villages = seed_regions()
        user = User.objects.create_superuser("bench-import@inklusi.id", "bench-import-123")
        files = {
            "perpustakaan": workbook("perpustakaan", library_rows(max(rows, 1000), villages)),
            "laporan": workbook("laporan", report_rows(rows)),
            "kegiatan": workbook("kegiatan", activity_rows(rows)),
        }
        self.stdout.write(f"{'kind':<14}{'rows':>8}{'check s':>10}{'import s':>10}{'total s':>10}")
        for kind, data in files.items():
            checked, imported, new = timed(user, kind, data)
            load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
            self.stdout.write(
                f"{kind:<14}{new:>8}{checked:>10.1f}{imported:>10.1f}"
                f"{checked + imported:>10.1f}   load {load}"
            )
