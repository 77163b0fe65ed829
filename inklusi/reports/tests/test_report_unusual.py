"""Figures far above the library's usual are saved only once someone confirms them."""

from django.urls import reverse

from inklusi.reports.models import MonthlyReport
from inklusi.testing.factories import MonthlyReportFactory

from .helpers import months_ago, new_report

URL = reverse("reports:create")


def usual_history(library):
    for n in range(2, 6):
        MonthlyReportFactory(library=library, month=months_ago(n), visitors_female=120)


def test_warnings_need_confirmation_then_save(people, login, libraries):
    lib = libraries.air_batu
    usual_history(lib)
    client = login(people.manager)
    data = new_report(lib, months_ago(1), visitors_female="1.500", notes="Pameran buku")

    response = client.post(URL, data)
    assert response.status_code == 200
    assert not MonthlyReport.objects.filter(month=months_ago(1)).exists()
    page = response.content.decode()
    assert "Visitors: women: 1,500, usually about 120. Is this right?" in page
    assert "Yes, these figures are correct" in page
    assert 'value="1.500"' in page and "Pameran buku" in page
    assert not response.context["form"].errors

    response = client.post(URL, {**data, "confirm": "on"})
    assert response.status_code == 302
    report = MonthlyReport.objects.get(month=months_ago(1))
    assert report.visitors_female == 1500
    assert report.unusual_confirmed


def test_ordinary_figures_save_at_once(people, login, libraries):
    usual_history(libraries.air_batu)
    response = login(people.manager).post(URL, new_report(libraries.air_batu, months_ago(1)))
    assert response.status_code == 302
    assert not MonthlyReport.objects.get(month=months_ago(1)).unusual_confirmed


def test_hard_errors_come_before_warnings(people, login, libraries):
    usual_history(libraries.air_batu)
    data = new_report(libraries.air_batu, months_ago(1), visitors_female="1500", open_days="45")
    response = login(people.manager).post(URL, {**data, "confirm": "on"})
    assert response.status_code == 200
    assert response.context["form"].has_error("open_days")
    assert response.context["warnings"] == []
    assert not MonthlyReport.objects.filter(month=months_ago(1)).exists()


def test_an_edit_back_to_ordinary_figures_clears_the_confirmation(people, login, libraries):
    usual_history(libraries.air_batu)
    report = MonthlyReportFactory(
        library=libraries.air_batu,
        month=months_ago(1),
        visitors_female=1500,
        unusual_confirmed=True,
    )
    url = reverse("reports:edit", args=[report.pk])
    assert (
        login(people.manager).post(url, new_report(libraries.air_batu, report.month)).status_code
        == 302
    )
    report.refresh_from_db()
    assert (report.visitors_female, report.unusual_confirmed) == (120, False)
