"""Slow exports prepared in the background: asked for from the dashboard, the page polls,
the file is served only to its owner inside their scope, and nothing reaches MEDIA_ROOT."""

import datetime
import io
import zipfile
from unittest import mock

import pytest
from django.conf import settings
from django.urls import reverse
from openpyxl import load_workbook

from inklusi.accounts.models import RoleAssignment
from inklusi.downloads import services, tasks
from inklusi.downloads.models import Download, State

CREATE = reverse("downloads:create")


def ask(client, place="nation", query="period=month&at=2026-10"):
    return client.post(
        CREATE, {"kind": "dashboard_xlsx", "place": place, "query": query, "back": "/pantauan/"}
    )


def test_the_nation_workbook_is_prepared_and_served(
    login, people, django_capture_on_commit_callbacks
):
    client = login(people.admin)
    with django_capture_on_commit_callbacks(execute=True):
        response = ask(client)
    download = Download.objects.get()
    assert response.url == reverse("downloads:detail", args=[download.pk])
    download.refresh_from_db()
    assert download.state == State.DONE
    assert (settings.EXPORTS_ROOT / download.path).exists()
    assert not str(settings.EXPORTS_ROOT).startswith(str(settings.MEDIA_ROOT))
    page = client.get(response.url).content.decode()
    assert reverse("downloads:fetch", args=[download.pk]) in page
    assert 'hx-trigger="every 2s"' not in page  # finished: no more polling
    file = client.get(reverse("downloads:fetch", args=[download.pk]))
    assert file["Content-Disposition"] == (
        'attachment; filename="pantauan-indonesia-2026-10-2026-10.xlsx"'
    )
    workbook = load_workbook(filename=io.BytesIO(b"".join(file.streaming_content)))
    assert len(workbook.sheetnames) == 5


def test_a_waiting_download_page_polls(login, people):
    download = Download.objects.create(user=people.admin, kind="dashboard_xlsx", place="nation")
    client = login(people.admin)
    page = client.get(reverse("downloads:detail", args=[download.pk])).content.decode()
    assert 'hx-trigger="every 2s"' in page
    fragment = client.get(reverse("downloads:detail", args=[download.pk]), HTTP_HX_REQUEST="true")
    assert fragment.content.decode().lstrip().startswith('<div id="download-state"')


@pytest.mark.parametrize(
    "who,place,allowed",
    [
        ("admin", "nation", True),
        ("province", "nation", False),
        ("province", "region:16", True),
        ("regency", "region:16", False),
        ("regency", "region:16.07", True),
        ("charlie", "region:16.07", False),
        ("manager", "region:16.07", False),
        ("nobody", "nation", False),
    ],
)
def test_asking_follows_the_scope(login, people, who, place, allowed):
    response = ask(login(getattr(people, who)), place=place)
    assert response.status_code == (302 if allowed else 404)
    assert Download.objects.exists() == allowed


def test_someone_elses_download_is_404(login, people):
    download = Download.objects.create(
        user=people.province, kind="dashboard_xlsx", place="region:16", state=State.DONE, path="x"
    )
    for who in ["admin", "regency", "charlie"]:
        client = login(getattr(people, who))
        assert client.get(reverse("downloads:detail", args=[download.pk])).status_code == 404
        assert client.get(reverse("downloads:fetch", args=[download.pk])).status_code == 404


def test_a_revoked_role_cannot_fetch_its_old_file(
    login, people, django_capture_on_commit_callbacks
):
    client = login(people.province)
    with django_capture_on_commit_callbacks(execute=True):
        ask(client, place="region:16")
    download = Download.objects.get()
    RoleAssignment.objects.filter(user=people.province).delete()
    people.province.refresh_from_db()
    response = login(people.province).get(reverse("downloads:fetch", args=[download.pk]))
    assert response.status_code == 404


def test_a_bad_period_is_told_at_once(login, people):
    response = ask(login(people.admin), query="period=month&at=2026-13")
    assert response.status_code == 302 and response.url == "/pantauan/"
    assert not Download.objects.exists()


def test_a_failure_is_shown_not_raised(login, people, django_capture_on_commit_callbacks):
    with mock.patch("inklusi.monitoring.exports.write_xlsx", side_effect=RuntimeError("disk full")):
        with django_capture_on_commit_callbacks(execute=True):
            ask(login(people.admin))
    download = Download.objects.get()
    assert download.state == State.FAILED
    page = login(people.admin).get(reverse("downloads:detail", args=[download.pk]))
    assert "disk full" in page.content.decode()


def test_a_broker_outage_leaves_it_waiting_for_the_sweep(
    login, people, django_capture_on_commit_callbacks
):
    with mock.patch("inklusi.core.tasks.submit", side_effect=OSError("redis down")):
        with django_capture_on_commit_callbacks(execute=True):
            response = ask(login(people.admin))
    assert response.status_code == 302
    download = Download.objects.get()
    assert download.state == State.WAITING
    Download.objects.update(
        created_at=download.created_at.replace(year=download.created_at.year - 0)
        - __import__("datetime").timedelta(minutes=2)
    )
    tasks.clean.apply()
    download.refresh_from_db()
    assert download.state == State.DONE


def test_old_files_are_deleted(people, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        download = services.request_download(people.admin, "dashboard_xlsx", "nation", "")
    download.refresh_from_db()
    path = services.file_path(download)
    assert path.exists()
    later = download.created_at + datetime.timedelta(days=8)
    services.clean(now=later)
    assert not path.exists() and not Download.objects.exists()


def test_the_nation_dashboard_asks_for_the_workbook_in_the_background(login, people):
    page = login(people.admin).get(reverse("monitoring:nation")).content.decode()
    assert f'action="{CREATE}"' in page
    page = login(people.regency).get(reverse("monitoring:region", args=["16.07"])).content.decode()
    assert f'action="{CREATE}"' not in page  # a regency's workbook comes at once


def test_a_provinces_regency_briefs_come_zipped(login, people, django_capture_on_commit_callbacks):
    client = login(people.province)
    page = client.get(reverse("regions:detail", args=["16"])).content.decode()
    assert 'name="kind" value="regency_briefs"' in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            CREATE, {"kind": "regency_briefs", "place": "region:16", "back": "/wilayah/16/"}
        )
    download = Download.objects.get()
    assert download.state == State.DONE, download.error
    file = client.get(reverse("downloads:fetch", args=[download.pk]))
    assert response.status_code == 302
    archive = zipfile.ZipFile(io.BytesIO(b"".join(file.streaming_content)))
    names = archive.namelist()
    assert [name.split("-2")[0] for name in names] == [
        "brief-kabupaten-banyuasin",
        "brief-kota-palembang",
    ]
    assert all(archive.read(name).startswith(b"%PDF") for name in names)
    assert file["Content-Disposition"].startswith('attachment; filename="brief-provinsi-sumatera')


@pytest.mark.parametrize("who,place", [("regency", "region:16"), ("regency", "region:16.07")])
def test_regency_briefs_only_of_a_province_in_scope(login, people, who, place):
    response = login(getattr(people, who)).post(CREATE, {"kind": "regency_briefs", "place": place})
    assert response.status_code == 404
    page = login(people.regency).get(reverse("regions:detail", args=["16.07"])).content.decode()
    assert "regency_briefs" not in page
