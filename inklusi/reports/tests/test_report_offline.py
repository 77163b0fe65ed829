"""A report sent from a phone: the same client_key twice files one report (the second answer
is the first report, not "already filed"); an edit against a report changed since its form
was opened answers 409 with both versions."""

import uuid

from django.urls import reverse

from inklusi.reports import services
from inklusi.reports.models import MonthlyReport
from inklusi.testing.factories import MonthlyReportFactory

from .helpers import figures, months_ago, new_report

URL = reverse("reports:create")


def test_the_same_key_twice_files_one_report(people, login, libraries):
    client = login(people.manager)
    data = new_report(libraries.air_batu, months_ago(1), client_key=str(uuid.uuid4()))
    first = client.post(URL, data)
    again = client.post(URL, data)
    report = MonthlyReport.objects.get()
    assert first.status_code == again.status_code == 302
    assert first["Location"] == again["Location"] == report.get_absolute_url()
    assert str(report.client_key) == data["client_key"]


def test_a_bad_key_is_refused_not_a_500(people, login, libraries):
    data = new_report(libraries.air_batu, months_ago(1), client_key="x")
    assert login(people.manager).post(URL, data).status_code == 200
    assert not MonthlyReport.objects.exists()


def test_an_edit_of_a_changed_report_is_a_409_with_both(people, login, libraries):
    report = MonthlyReportFactory(library=libraries.air_batu, month=months_ago(2), loans=10)
    client = login(people.manager)
    edit = reverse("reports:edit", args=[report.pk])
    assert 'name="seen_version" value="1"' in client.get(edit).text
    report.loans = 15
    services.update_report(report, people.regency)  # the coordinator corrects it meanwhile
    response = client.post(edit, figures(loans="77", seen_version="1"))
    assert response.status_code == 409
    assert "77" in response.text and "15" in response.text
    report.refresh_from_db()
    assert (report.loans, report.version) == (15, 2)
    response = client.post(edit, figures(loans="77", seen_version="2"))  # "Keep mine"
    assert response.status_code == 302
    report.refresh_from_db()
    assert (report.loans, report.version) == (77, 3)
