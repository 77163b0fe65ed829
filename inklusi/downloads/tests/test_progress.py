"""A download's progress: written by its worker in small cheap steps that only move forward,
reported by the builders from start to finish, and shown on the page that polls."""

import io
from unittest import mock

from django.urls import reverse

from inklusi.downloads import builders, services
from inklusi.downloads.models import Download, Stage, State
from inklusi.monitoring import exports


def test_progress_is_written_and_only_moves_forward(people):
    download = Download.objects.create(user=people.admin, kind="dashboard_xlsx", place="nation")
    services.report_progress(download.pk, 40, Stage.ATTENTION)
    download.refresh_from_db()
    assert (download.progress, download.stage) == (40, "attention")
    services.report_progress(download.pk, 30, Stage.FIGURES)
    download.refresh_from_db()
    assert (download.progress, download.stage) == (40, "attention")
    services.report_progress(download.pk, 250, Stage.SAVING)
    download.refresh_from_db()
    assert download.progress == 100


def test_progress_is_written_at_a_new_stage_else_by_steps_and_half_seconds(people):
    download = Download.objects.create(user=people.admin, kind="dashboard_xlsx", place="nation")
    clock = mock.Mock(return_value=1000.0)
    with (
        mock.patch("inklusi.downloads.services.time.monotonic", clock),
        mock.patch("inklusi.downloads.services.report_progress") as report,
    ):
        on_progress = services.progress_reporter(download.pk)
        for percent in range(0, 30, 5):  # fast: 5 % every 0.25 s, written every half second
            on_progress(percent, Stage.FIGURES)
            clock.return_value += 0.25
        for percent in range(30, 40):  # slow: 1 % every half second, written every 5 %
            on_progress(percent, Stage.FIGURES)
            clock.return_value += services.PROGRESS_EVERY_SECONDS
        on_progress(40, Stage.SUMMARY)  # a new stage: at once
        on_progress(30, Stage.PLACES)  # backwards: never written
        on_progress(40, Stage.SUMMARY)  # nothing new
        on_progress(100, Stage.SAVING)  # the end: always written
        assert [call.args[1:] for call in report.call_args_list] == [
            (0, Stage.FIGURES),
            (10, Stage.FIGURES),
            (20, Stage.FIGURES),
            (30, Stage.FIGURES),
            (35, Stage.FIGURES),
            (40, Stage.SUMMARY),
            (100, Stage.SAVING),
        ]


def test_the_workbook_builder_reports_increasing_progress_up_to_100(people):
    download = Download(user=people.admin, kind="dashboard_xlsx", place="nation")
    reports = []
    with mock.patch.object(exports, "ATTENTION_PROGRESS_ROWS", 1):  # every row of the fixture
        builders.dashboard_xlsx(download, io.BytesIO(), lambda *report: reports.append(report))
    percents = [percent for percent, _stage in reports]
    assert percents == sorted(percents)
    assert percents[0] == 0 and percents[-1] == 100
    stages = [stage for _percent, stage in reports]
    assert stages[0] == Stage.FIGURES and stages[-1] == Stage.SAVING
    assert set(stages) <= set(Stage.values) - {Stage.BRIEFS}
    assert stages.count(Stage.ATTENTION) > 1  # inside the attention lists too


def test_the_regency_briefs_report_each_regency(people):
    download = Download(user=people.province, kind="regency_briefs", place="region:16")
    reports = []
    with mock.patch("inklusi.advocacy.brief.region_brief_pdf", return_value=b"%PDF-1.4"):
        builders.regency_briefs(download, io.BytesIO(), lambda *report: reports.append(report))
    assert reports == [(0, Stage.BRIEFS), (50, Stage.BRIEFS), (100, Stage.BRIEFS)]


def test_a_prepared_download_ends_at_100(people, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        download = services.request_download(people.admin, "dashboard_xlsx", "nation", "")
    download.refresh_from_db()
    assert (download.state, download.progress, download.stage) == (State.DONE, 100, "saving")


def test_a_download_prepared_again_starts_its_progress_again(people):
    """A worker died at 80 %; the sweep set it waiting; the next worker starts from 0."""
    download = Download.objects.create(
        user=people.admin, kind="dashboard_xlsx", place="nation", progress=80, stage="attention"
    )
    seen = []

    def build(download, target, on_progress):
        seen.append(Download.objects.values_list("progress", "stage").get(pk=download.pk))
        return "x.xlsx"

    with mock.patch.dict(builders.BUILDERS, {"dashboard_xlsx": (build, ".xlsx")}):
        services.prepare(download.pk)
    assert seen == [(0, "")]


def state_fragment(client, download):
    response = client.get(reverse("downloads:detail", args=[download.pk]), HTTP_HX_REQUEST="true")
    return response.content.decode()


def test_the_page_shows_the_progress_while_working_and_the_link_when_done(login, people):
    download = Download.objects.create(
        user=people.admin,
        kind="dashboard_xlsx",
        place="nation",
        state=State.WORKING,
        progress=45,
        stage=Stage.ATTENTION,
    )
    client = login(people.admin)
    fragment = state_fragment(client, download)
    assert "Mendaftar perpustakaan yang perlu perhatian… 45 %" in " ".join(fragment.split())
    client.cookies["django_language"] = "en"
    fragment = state_fragment(client, download)
    assert '<progress id="download-progress" class="download-progress" max="100" value="45">' in (
        fragment
    )
    assert '<label for="download-progress">' in fragment
    assert "Listing the libraries that need attention… 45 %" in " ".join(fragment.split())
    assert 'hx-trigger="every 2s"' in fragment
    assert "style=" not in fragment
    Download.objects.filter(pk=download.pk).update(state=State.DONE, progress=100, path="x.xlsx")
    fragment = state_fragment(client, download)
    assert reverse("downloads:fetch", args=[download.pk]) in fragment
    assert "<progress" not in fragment and 'hx-trigger="every 2s"' not in fragment


def test_a_waiting_download_tells_its_place_in_line(login, people):
    ahead = [
        Download.objects.create(user=people.province, kind="dashboard_xlsx", place="region:16")
        for _ in range(2)
    ]
    Download.objects.filter(pk=ahead[0].pk).update(state=State.WORKING)  # taken by a worker
    download = Download.objects.create(user=people.admin, kind="dashboard_xlsx", place="nation")
    client = login(people.admin)
    client.cookies["django_language"] = "en"
    fragment = " ".join(state_fragment(client, download).split())
    assert "Waiting for a worker; 1 download is ahead of yours. 0 %" in fragment
    assert 'max="100" value="0"' in fragment
    Download.objects.filter(pk=ahead[1].pk).update(state=State.WORKING)
    fragment = " ".join(state_fragment(client, download).split())
    assert "Waiting for a worker. 0 %" in fragment
