"""`save_reports`: many reports at once keep the rules of one (the spreadsheet import)."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from inklusi.core.months import add_months, next_month, previous_month
from inklusi.monitoring import summaries
from inklusi.reports.models import MonthlyReport
from inklusi.reports.services import save_reports
from inklusi.testing.factories import MonthlyReportFactory

pytestmark = pytest.mark.django_db

FIELDS = ["visitors_female", "visitors_male"]


def test_new_and_changed_reports_are_saved_and_counted(libraries, people):
    stored = MonthlyReportFactory(library=libraries.air_batu)
    stored.visitors_female = 10
    new = MonthlyReport(
        library=libraries.sukajadi, month=previous_month(), visitors_female=5, visitors_male=4
    )
    save_reports([stored, new], people.regency, FIELDS)
    assert MonthlyReport.objects.get(pk=stored.pk).visitors_female == 10
    new = MonthlyReport.objects.get(library=libraries.sukajadi)
    assert new.submitted_by == people.regency and new.filed_on_time == new.on_time
    assert set(summaries.check().values()) == {(0, 0)}


def test_a_library_outside_the_scope_is_refused(libraries, people):
    report = MonthlyReport(library=libraries.medan, month=previous_month())
    with pytest.raises(PermissionDenied):
        save_reports([report], people.regency, FIELDS)
    assert not MonthlyReport.objects.exists()


def test_a_month_not_open_yet_is_refused(libraries, people):
    report = MonthlyReport(library=libraries.air_batu, month=next_month(previous_month()))
    with pytest.raises(ValidationError):
        save_reports([report], people.manager, FIELDS)


def test_unusual_figures_are_marked_against_each_librarys_history(libraries, people):
    for months_back in range(2, 5):
        MonthlyReportFactory(
            library=libraries.air_batu, month=add_months(previous_month(), -months_back + 1)
        )
    report = MonthlyReport(
        library=libraries.air_batu, month=next_month(previous_month()), visitors_female=5000
    )
    report.month = previous_month()
    save_reports([report], people.manager, FIELDS)
    assert MonthlyReport.objects.get(month=previous_month()).unusual_confirmed
