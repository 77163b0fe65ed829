"""Changing a filed report: the first submission stays, the last editor is recorded."""

import datetime

from django.urls import reverse

from inklusi.reports.models import MonthlyReport
from inklusi.testing.factories import ActivityFactory, MonthlyReportFactory

from .helpers import at, figures, months_ago


def url(report):
    return reverse("reports:edit", args=[report.pk])


def filed(library, **kw):
    first = at(months_ago(1).replace(day=3))
    return MonthlyReportFactory(library=library, month=months_ago(2), submitted_at=first, **kw)


def test_it_works(people, login, libraries):
    report = filed(libraries.air_batu, submitted_by=people.manager)
    first = report.submitted_at
    client = login(people.regency)
    assert client.get(url(report)).status_code == 200
    response = client.post(url(report), figures(loans="2.000", notes="Koreksi"))
    assert response.status_code == 302
    assert response["Location"] == report.get_absolute_url()
    report.refresh_from_db()
    assert (report.loans, report.notes) == (2000, "Koreksi")
    assert report.submitted_at == first
    assert report.submitted_by == people.manager
    assert report.updated_by == people.regency


def test_library_and_month_stay_as_filed(people, login, libraries):
    report = filed(libraries.air_batu)
    data = figures(library=libraries.sukajadi.pk, month="2020-01")
    assert login(people.manager).post(url(report), data).status_code == 302
    report.refresh_from_db()
    assert (report.library, report.month) == (libraries.air_batu, months_ago(2))
    assert MonthlyReport.objects.count() == 1


def test_the_activity_count_is_shown_not_typed(people, login, libraries):
    report = filed(libraries.air_batu)
    ActivityFactory(library=libraries.air_batu, starts_on=report.month + datetime.timedelta(days=9))
    response = login(people.manager).get(url(report))
    assert response.context["activity_count"] == 1
    assert b"Activities this month:" in response.content


def test_hard_errors_keep_the_report_unchanged(people, login, libraries):
    report = filed(libraries.air_batu)
    response = login(people.manager).post(url(report), figures(open_days="32", loans="7"))
    assert response.status_code == 200
    assert response.context["form"].has_error("open_days")
    report.refresh_from_db()
    assert (report.open_days, report.loans) == (20, 140)


def test_it_checks_scope(people, login, libraries):
    report = filed(libraries.air_batu)
    client = login(people.charlie)
    assert client.get(url(report)).status_code == 404
    assert client.post(url(report), figures(loans="1")).status_code == 404
    report.refresh_from_db()
    assert report.loans == 140


def test_another_library_is_404(people, login, libraries):
    report = filed(libraries.sukajadi)
    assert login(people.manager).get(url(report)).status_code == 404


def test_read_only_viewer_cannot_edit(people, login, libraries):
    report = filed(libraries.air_batu)
    client = login(people.viewer)
    assert client.get(url(report)).status_code == 404
    assert client.post(url(report), figures(loans="1")).status_code == 404
    report.refresh_from_db()
    assert report.loans == 140


def test_bad_id_is_404(people, login):
    assert login(people.admin).get(reverse("reports:edit", args=[987654])).status_code == 404
    assert login(people.admin).get("/laporan/abc/ubah/").status_code == 404


def test_wrong_method_is_405(people, login, libraries):
    assert login(people.manager).delete(url(filed(libraries.air_batu))).status_code == 405
