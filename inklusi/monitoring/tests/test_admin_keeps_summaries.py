"""Saves and deletes in the Django admin go through the services: the summaries follow."""

import datetime

import pytest
from django.forms import FileField, SplitDateTimeWidget
from django.urls import reverse
from django.utils import timezone

from inklusi.activities.models import Activity, Review
from inklusi.libraries.models import Library
from inklusi.monitoring import summaries
from inklusi.monitoring.models import RegionMonth
from inklusi.reports.models import MonthlyReport
from inklusi.testing.factories import ActivityFactory, MonthlyReportFactory

FEB = datetime.date(timezone.localdate().year - 1, 2, 1)


def assert_agrees_with_raw():
    assert all(d == (0, 0) for d in summaries.check().values()), summaries.check()


def figure(code, name):
    row = RegionMonth.objects.filter(region_code=code, month=FEB).first()
    return getattr(row, name) if row else 0


def change(client, model, pk, **changes):
    """POST the admin's change form of the row as it stands, with `changes`."""
    name = f"admin:{model._meta.app_label}_{model._meta.model_name}_change"
    url = reverse(name, args=[pk])
    page = client.get(url)
    data = {}
    for form in [page.context["adminform"].form] + [
        f for formset in page.context["inline_admin_formsets"] for f in formset.formset.forms
    ]:
        for field in form:
            value = field.value()
            if isinstance(field.field, FileField):
                continue  # no new file
            if isinstance(field.field.widget, SplitDateTimeWidget):
                local = timezone.localtime(value)
                data[f"{field.html_name}_0"] = local.date()
                data[f"{field.html_name}_1"] = local.strftime("%H:%M:%S")
            else:
                data[field.html_name] = "" if value is None else value
    for formset in page.context["inline_admin_formsets"]:
        management = formset.formset.management_form
        data.update({f.html_name: f.value() for f in management})
    data.update(changes)
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    return response


def delete_selected(client, model, *rows):
    name = f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist"
    data = {"action": "delete_selected", "_selected_action": [r.pk for r in rows], "post": "yes"}
    assert client.post(reverse(name), data).status_code == 302


def test_changing_a_report_in_the_admin(login, people, libraries):
    report = MonthlyReportFactory(library=libraries.air_batu, month=FEB, loans=100)
    change(login(people.admin), MonthlyReport, report.pk, loans=60)
    assert figure("16.07", "loans") == 60
    assert_agrees_with_raw()


def test_changing_an_activity_in_the_admin_keeps_its_state(login, people, libraries):
    activity = ActivityFactory(library=libraries.air_batu, starts_on=FEB.replace(day=4))
    Activity.objects.filter(pk=activity.pk).update(review=Review.VERIFIED)
    change(login(people.admin), Activity, activity.pk, participants_female=20)
    assert figure("16", "participants_female") == 20
    activity.refresh_from_db()
    assert activity.is_published and activity.review == Review.PENDING  # changed: a new look
    assert_agrees_with_raw()


def test_moving_a_library_in_the_admin_moves_its_figures(login, people, libraries, regions):
    MonthlyReportFactory(library=libraries.air_batu, month=FEB, loans=100)
    change(login(people.admin), Library, libraries.air_batu.pk, region="16.71.01.1001")
    assert figure("16.07", "loans") == 0 and figure("16.71", "loans") == 100
    assert_agrees_with_raw()


@pytest.mark.parametrize("model", [MonthlyReport, Activity, Library])
def test_deleting_in_the_admin_takes_the_figures_out(login, people, libraries, model):
    report = MonthlyReportFactory(library=libraries.air_batu, month=FEB, loans=100)
    activity = ActivityFactory(library=libraries.air_batu, starts_on=FEB.replace(day=4))
    MonthlyReportFactory(library=libraries.banyuasin, month=FEB, loans=40)
    row = {MonthlyReport: report, Activity: activity, Library: libraries.air_batu}[model]
    delete_selected(login(people.admin), model, row)
    assert not model.objects.filter(pk=row.pk).exists()
    assert figure("16.07", "loans") == (40 if model is not Activity else 140)
    assert_agrees_with_raw()


def test_the_delete_page_of_one_row_too(login, people, libraries):
    report = MonthlyReportFactory(library=libraries.air_batu, month=FEB, loans=100)
    url = reverse("admin:reports_monthlyreport_delete", args=[report.pk])
    assert login(people.admin).post(url, {"post": "yes"}).status_code == 302
    assert figure("16.07", "loans") == 0
    assert_agrees_with_raw()
