"""Monthly reports from a spreadsheet: the preview, both ways of importing, re-importing."""

import pytest

from inklusi.imports.models import State
from inklusi.monitoring import summaries
from inklusi.reports.models import MonthlyReport

from .helpers import csv_bytes, report_row, start, upload, xlsx_bytes

pytestmark = pytest.mark.django_db

CODE = "Kode perpustakaan (NPP)"


@pytest.fixture
def coded(libraries):
    for name, code in [("air_batu", "1607101002"), ("sukajadi", "1607101004"), ("medan", "1271")]:
        library = getattr(libraries, name)
        library.npp = code if len(code) >= 6 else "127101100"
        library.save()
    return libraries


def test_the_preview_lists_each_rows_errors_and_saves_nothing(
    coded, people, login, django_capture_on_commit_callbacks
):
    rows = [
        report_row("1607101002"),
        report_row("1607101004", **{"Hari buka": "banyak"}),
        report_row("127101100"),  # Medan: outside Banyuasin
        report_row("1607101004", month=None, **{"Bulan": "bulan lalu"}),
        report_row("1607101002"),  # the same library and month as row 2
    ]
    response, job = upload(
        login(people.regency),
        "laporan",
        csv_bytes("laporan", rows),
        capture=django_capture_on_commit_callbacks,
    )
    assert response.status_code == 302
    assert job.state == State.CHECKED
    found = {(row, column) for row, column, _message in job.errors}
    assert found == {(3, "Hari buka"), (4, CODE), (5, "Bulan"), (6, "")}
    assert [m for r, c, m in job.errors if r == 3] == ["Tulis bilangan bulat, misalnya 12."]
    assert job.valid_rows == 0  # row 2 repeats in row 6: neither is taken
    assert MonthlyReport.objects.count() == 0
    page = login(people.regency).get(response.url)
    assert "Hari buka" in page.text and "Di luar wilayah" not in page.text


def test_all_or_nothing_with_errors_saves_nothing(
    coded, people, login, django_capture_on_commit_callbacks
):
    client = login(people.regency)
    rows = [report_row("1607101002"), report_row("1607101004", **{"Hari buka": -1})]
    _response, job = upload(
        client, "laporan", csv_bytes("laporan", rows), capture=django_capture_on_commit_callbacks
    )
    _response, job = start(client, job, "all", django_capture_on_commit_callbacks)
    assert job.state == State.CHECKED
    assert MonthlyReport.objects.count() == 0


def test_only_the_valid_rows_are_imported_and_the_summaries_follow(
    coded, people, login, django_capture_on_commit_callbacks
):
    client = login(people.regency)
    rows = [report_row("1607101002"), report_row("1607101004", **{"Hari buka": -1})]
    _response, job = upload(
        client, "laporan", csv_bytes("laporan", rows), capture=django_capture_on_commit_callbacks
    )
    _response, job = start(client, job, "valid", django_capture_on_commit_callbacks)
    assert job.state == State.DONE
    report = MonthlyReport.objects.get()
    assert report.library == coded.air_batu and report.visitors_female == 30
    assert report.submitted_by == people.regency
    assert set(summaries.check().values()) == {(0, 0)}


def test_reimporting_the_same_file_changes_nothing(
    coded, people, login, django_capture_on_commit_callbacks
):
    client = login(people.regency)
    data = xlsx_bytes("laporan", [report_row("1607101002"), report_row("1607101004")])
    _response, job = upload(
        client, "laporan", data, "laporan.xlsx", capture=django_capture_on_commit_callbacks
    )
    assert (job.new_rows, job.changed_rows, job.unchanged_rows) == (2, 0, 0)
    start(client, job, "all", django_capture_on_commit_callbacks)
    before = list(MonthlyReport.objects.values_list("pk", "updated_at"))
    _response, again = upload(
        client, "laporan", data, "laporan.xlsx", capture=django_capture_on_commit_callbacks
    )
    assert (again.new_rows, again.changed_rows, again.unchanged_rows) == (0, 0, 2)
    _response, again = start(client, again, "all", django_capture_on_commit_callbacks)
    assert again.state == State.DONE
    assert list(MonthlyReport.objects.values_list("pk", "updated_at")) == before


def test_a_changed_figure_updates_the_stored_report(
    coded, people, login, django_capture_on_commit_callbacks
):
    client = login(people.manager)
    first = csv_bytes("laporan", [report_row("1607101002")])
    _r, job = upload(client, "laporan", first, capture=django_capture_on_commit_callbacks)
    start(client, job, "all", django_capture_on_commit_callbacks)
    changed = csv_bytes(
        "laporan", [report_row("1607101002", **{"Peminjaman buku": 99})], delimiter=";"
    )
    _r, job = upload(client, "laporan", changed, capture=django_capture_on_commit_callbacks)
    assert (job.new_rows, job.changed_rows) == (0, 1)
    start(client, job, "all", django_capture_on_commit_callbacks)
    assert MonthlyReport.objects.get().loans == 99
    assert set(summaries.check().values()) == {(0, 0)}


def test_a_long_import_is_announced_in_the_inbox(
    coded, people, login, django_capture_on_commit_callbacks, monkeypatch
):
    from inklusi.imports import services
    from inklusi.notifications.models import Notification

    monkeypatch.setattr(services, "ANNOUNCE_AFTER_SECONDS", -1)
    client = login(people.regency)
    data = csv_bytes("laporan", [report_row("1607101002")])
    _response, job = upload(client, "laporan", data, capture=django_capture_on_commit_callbacks)
    start(client, job, "all", django_capture_on_commit_callbacks)
    notification = Notification.objects.get(recipient=people.regency, kind="import_done")
    assert "data.csv" in notification.title
