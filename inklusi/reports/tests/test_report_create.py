"""Filing a new report: one per library and month, by those who may edit the library."""

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from inklusi.reports.models import MonthlyReport
from inklusi.testing.factories import ActivityFactory, MonthlyReportFactory

from .helpers import messages_of, months_ago, new_report, this_month

URL = reverse("reports:create")


def test_it_works(people, login, libraries):
    client = login(people.manager)
    assert client.get(URL).status_code == 200
    before = timezone.now()
    response = client.post(URL, new_report(libraries.air_batu, months_ago(1), notes="Banjir"))
    report = MonthlyReport.objects.get()
    assert response.status_code == 302
    assert response["Location"] == report.get_absolute_url()
    assert (report.library, report.month, report.visitors_female, report.notes) == (
        libraries.air_batu,
        months_ago(1),
        120,
        "Banjir",
    )
    assert report.submitted_by == people.manager == report.updated_by
    assert report.submitted_at >= before
    assert not report.unusual_confirmed


def test_the_manager_need_not_pick_the_library(people, login, libraries):
    response = login(people.manager).get(URL)
    assert response.context["library"] == libraries.air_batu
    assert b'name="library" value="%d"' % libraries.air_batu.pk in response.content


@override_settings(REPORT_OPENS_DAYS_BEFORE_END=31)
def test_the_default_month_is_last_month_until_it_is_filed(people, login, libraries):
    client = login(people.manager)
    assert client.get(URL).context["form"].initial["month"] == months_ago(1)
    MonthlyReportFactory(library=libraries.air_batu, month=months_ago(1))
    assert client.get(URL).context["form"].initial["month"] == this_month()


def test_this_month_is_not_offered_before_it_opens(people, login, libraries):
    filed = MonthlyReportFactory(library=libraries.air_batu, month=months_ago(1))
    response = login(people.manager).get(URL)
    assert response.status_code == 302  # last month again, already filed: change it
    assert response.url == reverse("reports:edit", args=[filed.pk])


def test_the_month_picker_is_a_month_input(people, login):
    response = login(people.manager).get(URL, {"month": f"{months_ago(3):%Y-%m}"})
    assert f'type="month" name="month" value="{months_ago(3):%Y-%m}"'.encode() in response.content


def test_the_form_has_numeric_boxes_and_the_activity_count(people, login, libraries):
    ActivityFactory(library=libraries.air_batu, starts_on=months_ago(1).replace(day=3))
    ActivityFactory(library=libraries.air_batu, starts_on=months_ago(1).replace(day=5))
    ActivityFactory(library=libraries.air_batu, starts_on=months_ago(1), status="draft")
    response = login(people.manager).get(URL, {"month": f"{months_ago(1):%Y-%m}"})
    assert response.context["activity_count"] == 2
    assert response.content.count(b'inputmode="numeric"') == 8
    assert b'name="activities"' not in response.content


def test_a_coordinator_picks_the_library(people, login, libraries):
    client = login(people.regency)
    response = client.get(URL)
    assert response.context["library"] is None
    response = client.post(URL, new_report(libraries.banyuasin, months_ago(2)))
    assert response.status_code == 302
    assert MonthlyReport.objects.get().library == libraries.banyuasin


def test_an_existing_report_opens_for_editing(people, login, libraries):
    report = MonthlyReportFactory(library=libraries.air_batu, month=months_ago(2))
    response = login(people.manager).get(
        URL, {"library": libraries.air_batu.pk, "month": f"{months_ago(2):%Y-%m}"}, follow=True
    )
    assert response.redirect_chain == [(reverse("reports:edit", args=[report.pk]), 302)]
    assert any("already filed" in m for m in messages_of(response))


def test_a_second_report_for_the_month_is_refused(people, login, libraries):
    MonthlyReportFactory(library=libraries.air_batu, month=months_ago(1))
    response = login(people.manager).post(URL, new_report(libraries.air_batu, months_ago(1)))
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [
        "This library already has a report for that month."
    ]
    assert response.context["existing"] is not None
    assert MonthlyReport.objects.count() == 1


def test_a_duplicate_in_a_race_is_a_message_not_a_500(people, login, libraries, monkeypatch):
    """Two people press Save at once: the form's check passed for both, the database refuses."""
    MonthlyReportFactory(library=libraries.air_batu, month=months_ago(1))
    monkeypatch.setattr(MonthlyReport, "validate_constraints", lambda self, exclude=None: None)
    response = login(people.manager).post(URL, new_report(libraries.air_batu, months_ago(1)))
    assert response.status_code == 200
    assert "This library already has a report for that month." in response.content.decode()
    assert MonthlyReport.objects.count() == 1


def test_it_checks_scope(people, login, libraries):
    client = login(people.charlie)
    assert client.get(URL, {"library": libraries.air_batu.pk}).status_code == 404
    response = client.post(URL, new_report(libraries.air_batu, months_ago(1)))
    assert response.status_code == 200
    assert response.context["form"].has_error("library")
    assert not MonthlyReport.objects.exists()


def test_a_manager_cannot_file_for_another_library(people, login, libraries):
    client = login(people.manager)
    assert client.get(URL, {"library": libraries.sukajadi.pk}).status_code == 404
    client.post(URL, new_report(libraries.sukajadi, months_ago(1)))
    assert not MonthlyReport.objects.exists()


@pytest.mark.parametrize("persona", ["viewer", "nobody"])
def test_read_only_users_cannot_file(people, login, libraries, persona):
    client = login(getattr(people, persona))
    assert client.get(URL).status_code == 403
    assert client.post(URL, new_report(libraries.air_batu, months_ago(1))).status_code == 403
    assert not MonthlyReport.objects.exists()


def test_anonymous_is_sent_to_log_in(client):
    assert client.get(URL).status_code == 302


@pytest.mark.parametrize("library", ["abc", "987654", "1" * 40, "-1"])
def test_bad_library_in_the_address_is_404(people, login, library):
    assert login(people.admin).get(URL, {"library": library}).status_code == 404


@pytest.mark.parametrize("month", ["2024-13", "garbage", "9999-99", "", "2999-01"])
def test_bad_month_in_the_address_falls_back_to_the_default(people, login, month):
    response = login(people.manager).get(URL, {"month": month})
    assert response.status_code == 200
    assert response.context["form"].initial["month"] == months_ago(1)


def test_wrong_method_is_405(people, login):
    assert login(people.manager).put(URL).status_code == 405


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"month": "2024-13"}, "month"),
        ({"month": f"{this_month().replace(year=this_month().year + 1):%Y-%m}"}, "month"),
        ({"visitors_female": "-3"}, "visitors_female"),
        ({"loans": str(10**30)}, "loans"),
        ({"loans": "1\x00"}, "loans"),
        ({"notes": "nul\x00"}, "notes"),
        ({"open_days": "40"}, "open_days"),
        ({"new_members": "50", "total_members": "10"}, "total_members"),
        ({"computer_users": "9999"}, "computer_users"),
        ({"library": "\x00"}, "library"),
        ({"library": "99999999999999999999"}, "library"),
    ],
)
def test_bad_input_is_a_form_error(people, login, libraries, changes, field):
    data = new_report(libraries.air_batu, months_ago(1))
    data.update(changes)
    response = login(people.manager).post(URL, data)
    assert response.status_code == 200
    assert response.context["form"].has_error(field)
    assert "nothing was saved" in " ".join(messages_of(response))
    assert not MonthlyReport.objects.exists()


def test_a_failed_form_keeps_what_was_typed(people, login, libraries):
    data = new_report(libraries.air_batu, months_ago(1), loans="1.500", open_days="40")
    response = login(people.manager).post(URL, data)
    assert b'value="1.500"' in response.content
    assert f'value="{months_ago(1):%Y-%m}"'.encode() in response.content


def test_indonesian_thousands_are_read(people, login, libraries):
    data = new_report(
        libraries.air_batu, months_ago(1), visitors_female="1.500", total_members="1.180"
    )
    assert login(people.manager).post(URL, data).status_code == 302
    report = MonthlyReport.objects.get()
    assert (report.visitors_female, report.total_members) == (1500, 1180)


def test_empty_boxes_are_zero(people, login, libraries):
    data = new_report(libraries.air_batu, months_ago(1))
    data.update(dict.fromkeys(["computer_users", "internet_users", "new_members"], ""))
    assert login(people.manager).post(URL, data).status_code == 302
    report = MonthlyReport.objects.get()
    assert (report.computer_users, report.internet_users, report.new_members) == (0, 0, 0)
