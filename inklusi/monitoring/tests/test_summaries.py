"""The summary tables follow every create, edit and delete of reports, activities and libraries
made through their services, and always agree with a fresh aggregate of the raw data
(`summaries.check`)."""

import datetime
import random

import pytest
from django.utils import timezone

from inklusi.activities import services as activity_services
from inklusi.activities.models import Category
from inklusi.activities.models import Status as ActivityStatus
from inklusi.core import derived
from inklusi.libraries import services as library_services
from inklusi.monitoring import summaries
from inklusi.monitoring.models import (
    JOINED_UNKNOWN,
    CountedLibrary,
    LibraryMonth,
    LibraryMonthCategory,
    RegionLibraryCount,
    RegionMonth,
    RegionMonthCategory,
)
from inklusi.reports import services as report_services
from inklusi.reports.models import late_from
from inklusi.testing.factories import ActivityFactory, LibraryFactory, MonthlyReportFactory
from inklusi.testing.queries import captured_queries

pytestmark = pytest.mark.django_db

YEAR = timezone.localdate().year - 2
JAN, FEB, MAR, APR, MAY = (datetime.date(YEAR, m, 1) for m in range(1, 6))
AIR_BATU_CODES = ["", "16", "16.07", "16.07.10"]


def assert_agrees_with_raw():
    assert all(d == (0, 0) for d in summaries.check().values()), summaries.check()


def region_figure(code, month, name):
    row = RegionMonth.objects.filter(region_code=code, month=month).first()
    return getattr(row, name) if row else 0


def test_summary_codes_are_the_nation_and_each_level_down_to_the_district():
    assert summaries.summary_codes("16.07.10.1002") == AIR_BATU_CODES
    assert summaries.summary_codes("16.07") == ["", "16", "16.07"]
    assert summaries.summary_codes("16") == ["", "16"]


def test_a_new_report_adds_to_its_library_and_every_region_above(libraries):
    MonthlyReportFactory(
        library=libraries.air_batu, month=FEB, visitors_female=30, visitors_male=20
    )
    row = LibraryMonth.objects.get(library=libraries.air_batu, month=FEB)
    assert (row.reports, row.visitors_female, row.visitors_male, row.region_code) == (
        1,
        30,
        20,
        "16.07.10.1002",
    )
    for code in AIR_BATU_CODES:
        assert region_figure(code, FEB, "visitors_female") == 30
    assert region_figure("16.71", FEB, "reports") == 0
    assert_agrees_with_raw()


def test_on_time_and_late_reports_are_told_apart(libraries):
    MonthlyReportFactory(library=libraries.air_batu, month=JAN, submitted_at=late_from(JAN))
    on_time = late_from(FEB) - datetime.timedelta(minutes=1)
    MonthlyReportFactory(library=libraries.air_batu, month=FEB, submitted_at=on_time)
    assert region_figure("16.07", JAN, "reports_on_time") == 0
    assert region_figure("16.07", FEB, "reports_on_time") == 1
    assert_agrees_with_raw()


def test_editing_a_report_changes_the_totals_by_the_difference(libraries, people):
    report = MonthlyReportFactory(library=libraries.air_batu, month=FEB, loans=100)
    MonthlyReportFactory(library=libraries.banyuasin, month=FEB, loans=40)
    assert region_figure("16.07", FEB, "loans") == 140
    report.loans = 70
    report_services.update_report(report, people.admin)
    assert region_figure("16.07", FEB, "loans") == 110
    assert region_figure("", FEB, "loans") == 110
    report.month = MAR  # filed under the wrong month, moved (in the admin)
    report_services.update_report(report, people.admin)
    assert region_figure("16.07", FEB, "loans") == 40
    assert region_figure("16.07", MAR, "loans") == 70
    assert_agrees_with_raw()


def test_deleting_a_report_takes_it_out(libraries, people):
    report = MonthlyReportFactory(library=libraries.air_batu, month=FEB, loans=100)
    report_services.delete_report(report, people.admin)
    assert region_figure("16.07", FEB, "loans") == 0
    assert not LibraryMonth.objects.filter(library=libraries.air_batu).exists()
    assert_agrees_with_raw()


def test_only_published_activities_count_and_by_category(libraries, people):
    literacy = Category.objects.get(slug="literacy")
    activity = ActivityFactory(
        library=libraries.air_batu,
        starts_on=FEB.replace(day=14),
        participants_female=8,
        participants_male=4,
        status=ActivityStatus.DRAFT,
    )
    assert region_figure("16.07", FEB, "activities") == 0
    activity_services.publish(activity, people.manager)
    assert region_figure("16.07", FEB, "activities") == 1
    assert region_figure("", FEB, "participants_female") == 8
    category = RegionMonthCategory.objects.get(region_code="16", month=FEB)
    assert (category.category_id, category.activities, category.participants) == (
        literacy.pk,
        1,
        12,
    )
    other = Category.objects.exclude(pk=literacy.pk).first()
    activity.category, activity.starts_on = other, MAR.replace(day=2)
    activity_services.save_activity(activity, people.manager, publish=True)
    assert region_figure("16.07", FEB, "activities") == 0
    assert RegionMonthCategory.objects.get(region_code="16", month=MAR).category_id == other.pk
    assert_agrees_with_raw()
    activity_services.unpublish(activity, people.manager)
    assert region_figure("16.07", MAR, "activities") == 0
    assert_agrees_with_raw()


def test_last_activity_date_follows_published_activities(libraries, people):
    first = ActivityFactory(library=libraries.air_batu, starts_on=FEB.replace(day=3))
    ActivityFactory(library=libraries.air_batu, starts_on=MAR.replace(day=9))
    libraries.air_batu.refresh_from_db()
    assert libraries.air_batu.last_activity_on == MAR.replace(day=9)
    activity_services.delete(first, people.manager)
    ActivityFactory(library=libraries.air_batu, starts_on=APR.replace(day=1), status="draft")
    libraries.air_batu.refresh_from_db()
    assert libraries.air_batu.last_activity_on == MAR.replace(day=9)
    assert_agrees_with_raw()


def test_a_library_moving_region_moves_its_figures(libraries, regions):
    MonthlyReportFactory(library=libraries.air_batu, month=FEB, loans=100)
    ActivityFactory(library=libraries.air_batu, starts_on=FEB.replace(day=5))
    libraries.air_batu.region = regions["16.71.01.1001"]
    library_services.save_library(libraries.air_batu)
    assert region_figure("16.07", FEB, "loans") == 0
    assert region_figure("16.71.01", FEB, "loans") == 100
    assert region_figure("16", FEB, "loans") == 100
    assert RegionMonthCategory.objects.get(region_code="16.71", month=FEB).activities == 1
    assert_agrees_with_raw()


def test_deleting_a_library_takes_its_figures_out_of_every_total(libraries):
    MonthlyReportFactory(library=libraries.air_batu, month=FEB, loans=100)
    MonthlyReportFactory(library=libraries.banyuasin, month=FEB, loans=40)
    ActivityFactory(library=libraries.air_batu, starts_on=FEB.replace(day=5))
    library_services.delete_libraries([libraries.air_batu])
    assert region_figure("16.07", FEB, "loans") == 40
    assert region_figure("16.07", FEB, "activities") == 0
    assert not LibraryMonth.objects.filter(library_id=libraries.air_batu.pk).exists()
    assert not LibraryMonthCategory.objects.filter(library_id=libraries.air_batu.pk).exists()
    assert_agrees_with_raw()


def test_visitors_falling_below_half_the_usual_are_flagged(libraries, people):
    for month in (JAN, FEB, MAR):
        MonthlyReportFactory(
            library=libraries.air_batu,
            month=month,
            visitors_female=50,
            visitors_male=50,
            computer_users=0,
            internet_users=0,
        )
    april = MonthlyReportFactory(
        library=libraries.air_batu,
        month=APR,
        visitors_female=20,
        visitors_male=20,
        computer_users=0,
        internet_users=0,
    )
    assert LibraryMonth.objects.get(library=libraries.air_batu, month=APR).fell == 1
    assert region_figure("16.07", APR, "fell") == 1
    # A busier March raises the usual level; a smaller March lowers it below the threshold.
    march = libraries.air_batu.monthly_reports.get(month=MAR)
    march.visitors_female = march.visitors_male = 0
    report_services.update_report(
        march, people.admin
    )  # average (100 + 100 + 0) / 3 = 66.7: 40 is not below half of it
    assert LibraryMonth.objects.get(library=libraries.air_batu, month=APR).fell == 0
    assert region_figure("", APR, "fell") == 0
    april.visitors_female = 10
    april.visitors_male = 0
    report_services.update_report(april, people.admin)
    assert region_figure("", APR, "fell") == 1
    assert_agrees_with_raw()


def test_small_libraries_are_not_flagged_for_ordinary_ups_and_downs(libraries):
    for month, visitors in ((JAN, 6), (FEB, 8), (MAR, 2)):
        MonthlyReportFactory(
            library=libraries.air_batu,
            month=month,
            visitors_female=visitors,
            visitors_male=0,
            computer_users=0,
            internet_users=0,
        )
    assert not LibraryMonth.objects.filter(fell=1).exists()


def test_any_sequence_of_changes_matches_a_rebuild(libraries, regions, people):
    """Random creates, edits, state moves and deletes through the services, libraries moving,
    changing status and being deleted; after each step the tables equal a rebuild."""
    rng = random.Random(4)
    admin = people.admin
    libs = [libraries.air_batu, libraries.banyuasin, libraries.kemang_manis, libraries.medan]
    villages = [regions[code] for code in ("16.07.10.1002", "16.71.01.1001", "12.71.01.1001")]
    categories = list(Category.objects.all())
    months = [JAN, FEB, MAR, APR, MAY]
    reports, activities = [], []
    actions = ["report", "activity", "edit", "move", "review", "delete", "library", "new library"]
    for step in range(60):
        action = rng.choice(actions)
        if action == "report":
            library, month = rng.choice(libs), rng.choice(months)
            if not library.monthly_reports.filter(month=month).exists():
                reports.append(
                    MonthlyReportFactory(
                        library=library, month=month, visitors_female=rng.randint(0, 300)
                    )
                )
        elif action == "activity":
            activities.append(
                ActivityFactory(
                    library=rng.choice(libs),
                    category=rng.choice(categories),
                    starts_on=rng.choice(months).replace(day=rng.randint(1, 28)),
                    participants_female=rng.randint(0, 30),
                    status=rng.choice(["published", "published", "draft"]),
                )
            )
        elif action == "edit" and reports and rng.random() < 0.3:
            report = rng.choice(reports)
            report.loans = rng.randint(0, 500)
            report_services.update_report(report, admin)
        elif action == "edit" and activities:
            activity = rng.choice(activities)
            activity.starts_on = rng.choice(months).replace(day=3)
            activity.participants_male = rng.randint(0, 20)
            activity.library = rng.choice(libs)
            activity_services.save_activity(activity, admin, publish=rng.random() < 0.7)
        elif action == "move" and activities:
            activity = rng.choice(activities)
            move = (
                activity_services.unpublish if activity.is_published else activity_services.publish
            )
            move(activity, admin)
        elif action == "review" and activities:
            activity = rng.choice(activities)
            if activity.is_published:
                activity_services.send_back(activity, admin, "Lengkapi.")
        elif action == "delete" and (reports or activities):
            if reports and (rng.random() < 0.5 or not activities):
                report_services.delete_report(reports.pop(rng.randrange(len(reports))), admin)
            else:
                activity_services.delete(activities.pop(rng.randrange(len(activities))), admin)
        elif action == "library":
            library = rng.choice(libs)
            if library.kind == "village":
                library.region = rng.choice(villages)
            library.status = rng.choice(["candidate", "beneficiary", "independent"])
            library.joined_on = rng.choice([None, *months])
            library.latitude, library.longitude = rng.choice([(None, None), (-2.91, 104.75)])
            library_services.save_library(library)
        elif action == "new library":
            libs.append(LibraryFactory(region=rng.choice(villages), latitude=-2.5, longitude=104))
        if step % 10 == 9:
            assert_agrees_with_raw()
    library_services.delete_libraries([libraries.medan])
    assert_agrees_with_raw()


def test_check_reports_a_tampered_table(libraries):
    MonthlyReportFactory(library=libraries.air_batu, month=FEB)
    RegionMonth.objects.filter(region_code="16", month=FEB).update(loans=1)
    differences = summaries.check()
    assert differences["monitoring_regionmonth"] == (1, 1)
    summaries.rebuild()
    assert_agrees_with_raw()


def test_a_refresh_asks_a_fixed_number_of_queries(libraries, django_assert_max_num_queries):
    report = MonthlyReportFactory(library=libraries.air_batu, month=FEB)
    # 15, and one asking whether the library has outcome-survey answers to follow.
    with django_assert_max_num_queries(16):
        with derived.changes():
            derived.touch(libraries.air_batu, [FEB, report.month])


def test_reports_count_as_filed_only_while_the_library_is_in_the_programme(libraries):
    MonthlyReportFactory(library=libraries.sukajadi, month=FEB, loans=30)  # a candidate
    assert region_figure("16.07", FEB, "reports") == 0
    assert region_figure("16.07", FEB, "loans") == 30  # its figures count all the same
    libraries.sukajadi.status = "beneficiary"
    libraries.sukajadi.joined_on = MAR.replace(day=15)
    library_services.save_library(libraries.sukajadi)
    assert region_figure("16.07", FEB, "reports") == 0  # before it joined
    libraries.sukajadi.joined_on = FEB.replace(day=20)
    library_services.save_library(libraries.sukajadi)
    assert region_figure("16.07", FEB, "reports") == 1
    assert region_figure("", FEB, "reports") == 1
    assert_agrees_with_raw()


def test_touch_outside_a_block_is_a_mistake(libraries):
    with pytest.raises(RuntimeError):
        derived.touch(libraries.air_batu, [FEB])


def test_nested_blocks_refresh_each_library_once_at_the_outermost_end(libraries, people):
    with captured_queries() as captured, derived.changes():
        MonthlyReportFactory(library=libraries.air_batu, month=FEB, loans=10)
        activity = ActivityFactory(library=libraries.air_batu, starts_on=MAR.replace(day=2))
        activity_services.unpublish(activity, people.manager)
        assert not LibraryMonth.objects.exists()  # not yet: at the end of the block
    assert captured.summary_refreshes == 1
    assert region_figure("16.07", FEB, "loans") == 10
    assert_agrees_with_raw()


def test_a_failed_block_saves_and_refreshes_nothing(libraries):
    with pytest.raises(KeyError), derived.changes():
        MonthlyReportFactory(library=libraries.air_batu, month=FEB, loans=10)
        raise KeyError("something went wrong before the end of the block")
    assert not LibraryMonth.objects.exists()
    assert not libraries.air_batu.monthly_reports.exists()
    with derived.changes():  # the next block starts clean
        pass
    assert_agrees_with_raw()


def counted(code, **filters):
    """{figure: sum} of the region's count rows."""
    rows = RegionLibraryCount.objects.filter(region_code=code, **filters)
    return {
        name: sum(getattr(row, name) for row in rows)
        for name in ("libraries", "located", "latitude_sum", "longitude_sum")
    }


def test_a_new_library_counts_in_its_province_regency_and_district(libraries, regions):
    before = {code: counted(code)["libraries"] for code in ("16", "16.07", "16.07.10")}
    library = LibraryFactory(
        region=regions["16.07.10.1002"],
        joined_on=datetime.date(YEAR, 3, 17),
        latitude="-2.123456",
        longitude="104.5",
    )
    for code in ("16", "16.07", "16.07.10"):
        assert counted(code)["libraries"] == before[code] + 1
    row = RegionLibraryCount.objects.get(
        region_code="16.07.10", status=library.status, joined_month=MAR
    )
    assert (row.level, row.libraries, row.located) == (3, 1, 1)
    assert (row.latitude_sum, row.longitude_sum) == (-2_123_456, 104_500_000)
    assert not RegionLibraryCount.objects.filter(region_code="").exists()
    assert_agrees_with_raw()


def test_a_library_without_a_joining_date_counts_from_any_month(libraries):
    candidate = CountedLibrary.objects.get(library_id=libraries.sukajadi.pk)
    assert (candidate.status, candidate.joined_month) == ("candidate", JOINED_UNKNOWN)


def test_moving_on_the_map_changes_the_counts_not_the_months(libraries):
    MonthlyReportFactory(library=libraries.air_batu, month=FEB, loans=100)
    library = libraries.air_batu
    library.latitude, library.longitude = "-2.9", "104.7"
    with captured_queries() as queries:
        library_services.save_library(library)
    assert queries.summary_refreshes == 0
    assert counted("16.07.10")["latitude_sum"] == -2_900_000
    library.latitude = library.longitude = None
    library_services.save_library(library)
    assert counted("16.07.10")["located"] == 0
    assert_agrees_with_raw()


def test_a_status_change_moves_the_library_between_count_rows(libraries):
    library = libraries.sukajadi
    library.status, library.joined_on = "beneficiary", FEB
    library_services.save_library(library)
    assert counted("16.07", status="candidate")["libraries"] == 0
    assert counted("16.07", status="beneficiary", joined_month=FEB)["libraries"] == 1
    assert_agrees_with_raw()


def test_the_import_counts_new_and_changed_libraries(libraries, regions):
    moved = libraries.air_batu
    moved.region = regions["16.71.01.1001"]
    new = [
        LibraryFactory.build(region=regions["16.07.10.1004"], name=f"Baru {n}") for n in range(3)
    ]
    library_services.save_libraries([moved, *new], ["region"])
    assert counted("16.71.01")["libraries"] == 2
    assert_agrees_with_raw()


def test_deleting_a_library_takes_it_out_of_the_counts(libraries):
    library_services.delete_libraries([libraries.kemang_manis])
    assert counted("16.71")["libraries"] == 0
    assert not CountedLibrary.objects.filter(library_id=libraries.kemang_manis.pk).exists()
    assert_agrees_with_raw()


def test_check_reports_a_tampered_count(libraries):
    RegionLibraryCount.objects.filter(region_code="16").update(libraries=7)
    assert summaries.check()["monitoring_regionlibrarycount"] != (0, 0)
