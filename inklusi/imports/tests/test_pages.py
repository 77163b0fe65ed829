"""The import pages: who may open them, the templates, someone else's import."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from inklusi.imports.kinds import KINDS

from .helpers import csv_bytes, report_row, upload

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "who,status",
    [("admin", 200), ("regency", 200), ("manager", 200), ("viewer", 403), ("nobody", 403)],
)
def test_the_page_is_for_people_who_edit(people, login, who, status):
    assert login(getattr(people, who)).get(reverse("imports:index")).status_code == status


def test_anonymous_people_are_sent_to_log_in(client, db):
    assert client.get(reverse("imports:index")).status_code == 302


@pytest.mark.parametrize("kind", list(KINDS))
def test_each_template_has_its_columns_an_example_and_instructions(people, login, kind):
    response = login(people.regency).get(reverse("imports:template", args=[kind]))
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    data, instructions = workbook.worksheets
    assert [c.value for c in data[1]] == [column.header for column in KINDS[kind].columns]
    assert data.max_row == 2  # the example row
    assert instructions.title == "Petunjuk"
    assert "Cara mengisi" in instructions["A1"].value


def test_a_manager_gets_no_registry_template_or_import(people, login):
    client = login(people.manager)
    assert client.get(reverse("imports:template", args=["perpustakaan"])).status_code == 404
    assert client.get(reverse("imports:template", args=["tidak-ada"])).status_code == 404
    response = client.post(reverse("imports:index"), {"kind": "perpustakaan"})
    assert response.status_code == 400


def test_someone_elses_import_is_404(people, login, django_capture_on_commit_callbacks):
    data = csv_bytes("laporan", [report_row("1607101002")])
    _response, job = upload(
        login(people.regency), "laporan", data, capture=django_capture_on_commit_callbacks
    )
    other = login(people.charlie)
    assert other.get(reverse("imports:detail", args=[job.pk])).status_code == 404
    response = other.post(reverse("imports:start", args=[job.pk]), {"mode": "all"})
    assert response.status_code == 404


def test_the_page_polls_while_it_works(people, login):
    from inklusi.imports.models import ImportJob

    job = ImportJob.objects.create(
        user=people.regency, kind="laporan", file_name="a.csv", content=b""
    )
    response = login(people.regency).get(reverse("imports:detail", args=[job.pk]))
    assert 'hx-trigger="every 1s"' in response.text and "<progress" in response.text


def test_a_bad_mode_is_told_not_raised(people, login, django_capture_on_commit_callbacks):
    data = csv_bytes("laporan", [report_row("1607101002")])
    client = login(people.regency)
    _response, job = upload(client, "laporan", data, capture=django_capture_on_commit_callbacks)
    response = client.post(reverse("imports:start", args=[job.pk]), {"mode": "semua"}, follow=True)
    assert response.status_code == 200
    assert client.get(reverse("imports:start", args=[job.pk])).status_code == 405


def test_the_sweep_requeues_lost_jobs_and_deletes_old_ones(people):
    from datetime import timedelta

    from django.utils import timezone

    from inklusi.imports import services
    from inklusi.imports.models import ImportJob, State

    now = timezone.now()
    never_queued = ImportJob.objects.create(
        user=people.regency, kind="laporan", file_name="a.csv", queued_at=now - timedelta(minutes=5)
    )
    lost = ImportJob.objects.create(
        user=people.regency,
        kind="laporan",
        file_name="b.csv",
        state=State.IMPORTING,
        started_at=now - timedelta(hours=1),
    )
    old = ImportJob.objects.create(user=people.regency, kind="laporan", file_name="c.csv")
    ImportJob.objects.filter(pk=old.pk).update(created_at=now - timedelta(days=8))
    assert services.sweep(now + timedelta(minutes=2)) == ([never_queued.pk], [lost.pk])
    assert not ImportJob.objects.filter(pk=old.pk).exists()
