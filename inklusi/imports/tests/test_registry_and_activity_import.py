"""The library registry and past activities from a spreadsheet."""

import datetime

import pytest

from inklusi.activities.models import Activity, Status
from inklusi.imports.models import State
from inklusi.libraries.models import Library
from inklusi.monitoring import summaries

from .helpers import csv_bytes, start, upload

pytestmark = pytest.mark.django_db


def library_row(code, region, name="Perpustakaan Desa Impor", **more):
    return {
        "Kode perpustakaan (NPP)": code,
        "Nama": name,
        "Jenis": "village",
        "Kode wilayah": region,
        "Status program": "Penerima manfaat",
        **more,
    }


def test_a_coordinator_imports_libraries_of_their_area_only(
    libraries, people, login, django_capture_on_commit_callbacks
):
    client = login(people.regency)
    rows = [
        library_row("1607101002", "16.07.10.1002", Lintang="-2,97", Bujur="104,77"),
        library_row("1271011001", "12.71.01.1001"),  # Medan: outside Banyuasin
        library_row("1607109999", "16.07.10.9999"),  # no such village
        library_row("16", "16.07.10.1004"),  # too short a code
        library_row("1607101004", "16.07.10.1004", Jenis="perpustakaan"),
    ]
    _r, job = upload(
        client,
        "perpustakaan",
        csv_bytes("perpustakaan", rows, delimiter=";"),
        capture=django_capture_on_commit_callbacks,
    )
    assert {(r, c) for r, c, _m in job.errors} == {
        (3, "Kode wilayah"),
        (4, "Kode wilayah"),
        (5, "Kode perpustakaan (NPP)"),
        (6, "Jenis"),
    }
    _r, job = start(client, job, "valid", django_capture_on_commit_callbacks)
    assert job.state == State.DONE
    library = Library.objects.get(npp="1607101002")
    assert library.region_id == "16.07.10.1002" and library.status == "beneficiary"
    assert str(library.latitude) == "-2.970000" and library.joined_on is not None
    _r, again = upload(
        client,
        "perpustakaan",
        csv_bytes("perpustakaan", rows[:1], delimiter=";"),
        capture=django_capture_on_commit_callbacks,
    )
    assert (again.new_rows, again.changed_rows, again.unchanged_rows) == (0, 0, 1)


def test_a_library_outside_the_area_is_not_changed(
    libraries, people, login, django_capture_on_commit_callbacks
):
    libraries.medan.npp = "1271011001"
    libraries.medan.save()
    rows = [library_row("1271011001", "16.07.10.1002", name="Diambil alih")]
    _r, job = upload(
        login(people.regency),
        "perpustakaan",
        csv_bytes("perpustakaan", rows),
        capture=django_capture_on_commit_callbacks,
    )
    assert [(r, c) for r, c, _m in job.errors] == [(2, "Kode perpustakaan (NPP)")]
    libraries.medan.refresh_from_db()
    assert libraries.medan.name != "Diambil alih"


def activity_row(code, **more):
    return {
        "Kode perpustakaan (NPP)": code,
        "Tanggal": (datetime.date.today() - datetime.timedelta(days=30)).isoformat(),
        "Judul": "Mendongeng untuk anak",
        "Kategori": "Literasi dan gemar membaca",
        "Peserta perempuan": 7,
        "Peserta laki-laki": 5,
        "Biaya (Rp)": "Rp 150.000",
        "Sumber dana": "village",
        **more,
    }


def test_past_activities_are_published_once_and_counted(
    libraries, people, login, django_capture_on_commit_callbacks
):
    libraries.air_batu.npp = "1607101002"
    libraries.air_batu.save()
    client = login(people.manager)
    rows = [
        activity_row("1607101002"),
        activity_row("1607101002", Judul="Kelas komputer", Kategori="tidak-ada"),
        activity_row("1607101002", Judul="Besok", Tanggal="2999-01-01"),
        activity_row("1607101002", Judul="Bayar", **{"Sumber dana": "none"}),
    ]
    data = csv_bytes("kegiatan", rows)
    _r, job = upload(client, "kegiatan", data, capture=django_capture_on_commit_callbacks)
    assert {(r, c) for r, c, _m in job.errors} == {
        (3, "Kategori"),
        (4, "Tanggal"),
        (5, "Sumber dana"),
    }
    _r, job = start(client, job, "valid", django_capture_on_commit_callbacks)
    activity = Activity.objects.get()
    assert activity.status == Status.PUBLISHED and activity.cost == 150_000
    assert activity.created_by == people.manager
    assert set(summaries.check().values()) == {(0, 0)}
    _r, again = upload(client, "kegiatan", data, capture=django_capture_on_commit_callbacks)
    assert (again.new_rows, again.changed_rows, again.unchanged_rows) == (0, 0, 1)
    start(client, again, "valid", django_capture_on_commit_callbacks)
    assert Activity.objects.count() == 1
