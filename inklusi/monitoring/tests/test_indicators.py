"""Indicator arithmetic against figures worked out by hand.

The fixture is Kabupaten Banyuasin in the first quarter two years ago:

- Air Batu (village library, in the programme since before the quarter) reports January
  (late), February and March (on time): 100, 60 and 80 visitors, 50 members at the end;
- the regency library joins on 15 February: expected for February and March, reports March;
- Sukajadi is a candidate: expected nowhere.

Reports expected: 3 + 2 = 5; filed: 4 → 80 %; on time 3 → 60 %; late: 1 filed late and the
regency library's February, missing long after its due day → 40 %.
"""

import datetime

import pytest
from django.test import override_settings
from django.utils import timezone

from inklusi.activities.models import Category
from inklusi.libraries.models import Status
from inklusi.libraries.services import save_library
from inklusi.monitoring.indicators import Place, dashboard, quiet_since
from inklusi.monitoring.periods import Period
from inklusi.reports.models import late_from
from inklusi.testing.clock import freeze_today
from inklusi.testing.factories import ActivityFactory, LibraryFactory, MonthlyReportFactory

pytestmark = pytest.mark.django_db

YEAR = timezone.localdate().year - 2
JAN, FEB, MAR = (datetime.date(YEAR, m, 1) for m in (1, 2, 3))
QUARTER = Period(JAN, MAR, "quarter")


def report(library, month, visitors, members=0, late=False, **figures):
    submitted = late_from(month) + datetime.timedelta(days=2 if late else -2)
    return MonthlyReportFactory(
        library=library,
        month=month,
        visitors_female=visitors // 2,
        visitors_male=visitors - visitors // 2,
        total_members=members,
        new_members=0,
        computer_users=0,
        internet_users=0,
        submitted_at=submitted,
        **figures,
    )


@pytest.fixture
def quarter(libraries):
    libraries.banyuasin.joined_on = FEB.replace(day=15)
    save_library(libraries.banyuasin)
    report(libraries.air_batu, JAN, 100, members=40, late=True, loans=10)
    report(libraries.air_batu, FEB, 60, members=45, loans=20)
    report(libraries.air_batu, MAR, 80, members=50, loans=30)
    report(libraries.banyuasin, MAR, 500, members=300, loans=100)
    literacy = Category.objects.get(slug="literacy")
    health = Category.objects.get(slug="health")
    ActivityFactory(
        library=libraries.air_batu,
        category=literacy,
        starts_on=JAN.replace(day=10),
        participants_female=6,
        participants_male=4,
        participants_children=10,
        participants_disability=2,
    )
    ActivityFactory(
        library=libraries.banyuasin,
        category=health,
        starts_on=MAR.replace(day=20),
        participants_female=15,
        participants_male=15,
        participants_adults=30,
        participants_low_income=3,
    )
    # Outside the quarter or not published: never counted.
    ActivityFactory(library=libraries.air_batu, starts_on=datetime.date(YEAR, 4, 2))
    ActivityFactory(library=libraries.air_batu, starts_on=FEB.replace(day=2), status="draft")
    return libraries


def test_regency_figures_over_a_quarter(quarter, regions):
    figures = dashboard(Place(region=regions["16.07"]), QUARTER).figures
    assert figures["libraries"] == 2
    assert figures["by_status"][Status.CANDIDATE] == 1
    assert figures["expected_reports"] == 5
    assert figures["reports"] == 4
    assert figures["compliance"] == pytest.approx(80.0)
    assert figures["on_time"] == pytest.approx(60.0)
    assert figures["late"] == pytest.approx(40.0)
    assert figures["visitors"] == 100 + 60 + 80 + 500
    assert figures["visitors_female"] == 50 + 30 + 40 + 250
    assert figures["members"] == 50 + 300  # members at the end of the quarter
    assert figures["loans"] == 160
    assert figures["activities"] == 2
    assert figures["participants"] == 40
    assert figures["women_share"] == pytest.approx(100 * 21 / 40)
    assert figures["inclusion_share"] == pytest.approx(100 * 5 / 40)
    assert figures["activities_per_library"] == pytest.approx(2 / 5)
    assert [count for _label, count in figures["age_groups"]] == [10, 0, 30, 0]


def test_the_same_figures_from_a_village_are_added_up_from_library_rows(quarter, regions):
    village = dashboard(Place(region=regions["16.07.10.1002"]), QUARTER).figures
    library = dashboard(Place(library=quarter.air_batu), QUARTER).figures
    for figures in (village, library):
        assert (figures["expected_reports"], figures["reports"]) == (3, 3)
        assert figures["compliance"] == pytest.approx(100.0)
        assert figures["on_time"] == pytest.approx(100 * 2 / 3)
        assert figures["visitors"] == 240
        assert figures["activities"] == 1


def test_the_nation_and_province_hold_everything_below(quarter, regions):
    nation = dashboard(Place(), QUARTER).figures
    province = dashboard(Place(region=regions["16"]), QUARTER).figures
    assert province["visitors"] == 740
    assert nation["visitors"] == 740
    # Palembang's and Medan's libraries are in the programme but filed nothing.
    assert nation["expected_reports"] == 5 + 3 + 3
    assert nation["compliance"] == pytest.approx(100 * 4 / 11)


def test_a_library_joining_mid_period_is_expected_only_from_its_month(quarter, regions):
    february = dashboard(Place(library=quarter.banyuasin), Period(FEB, FEB, "month")).figures
    january = dashboard(Place(library=quarter.banyuasin), Period(JAN, JAN, "month")).figures
    assert (january["expected_reports"], january["libraries"]) == (0, 0)
    assert january["compliance"] is None  # nothing expected: no share, not 0 %
    assert february["expected_reports"] == 1
    assert february["compliance"] == 0


def test_an_empty_period_has_zero_counts_and_no_shares(quarter, regions):
    empty = Period(datetime.date(YEAR - 5, 1, 1), datetime.date(YEAR - 5, 3, 1), "quarter")
    board = dashboard(Place(region=regions["16.07"]), empty)
    figures = board.figures
    assert figures["visitors"] == figures["activities"] == figures["participants"] == 0
    assert figures["women_share"] is None
    assert figures["activities_per_library"] == pytest.approx(0)  # expected: null joined_on
    assert board.categories == []


def test_comparison_with_the_previous_quarter(quarter, regions):
    board = dashboard(
        Place(region=regions["16.07"]),
        Period(datetime.date(YEAR, 4, 1), datetime.date(YEAR, 6, 1), "quarter"),
    )
    assert board.previous == QUARTER
    assert board.previous_figures["visitors"] == 740
    # No report yet this quarter: its visitors are unknown, not a fall of 100%.
    assert board.figures["reports"] == 0
    assert board.changes["visitors"] is None
    assert board.changes["loans"] is None
    assert board.changes["compliance"]["change"] == pytest.approx(0 - 80.0)
    assert board.changes["quiet"] is None  # a state of today, not of a period


def test_children_of_a_regency_are_its_districts_and_its_own_library(quarter, regions):
    board = dashboard(Place(region=regions["16.07"]), QUARTER)
    rows = {row.key: row for row in board.rows}
    assert set(rows) == {"16.07.10", f"library-{quarter.banyuasin.pk}"}
    district = rows["16.07.10"].figures
    assert (district["expected_reports"], district["reports"], district["visitors"]) == (3, 3, 240)
    assert rows[f"library-{quarter.banyuasin.pk}"].figures["visitors"] == 500


def test_children_of_a_district_are_its_villages(quarter, regions):
    board = dashboard(Place(region=regions["16.07.10"]), QUARTER)
    assert [row.key for row in board.rows] == ["16.07.10.1002", "16.07.10.1004"]
    assert board.rows[0].figures["visitors"] == 240
    assert board.rows[1].figures["libraries"] == 0  # Sukajadi: a candidate


def test_categories_of_the_period(quarter, regions):
    categories = dashboard(Place(region=regions["16"]), QUARTER).categories
    assert [(c["activities"], c["participants"]) for c in categories] == [(1, 30), (1, 10)]


def test_categories_compare_with_the_period_before_even_one_gone_quiet(quarter, regions):
    """The next quarter: literacy has April's activity and one before; health, only before."""
    later = Period(datetime.date(YEAR, 4, 1), datetime.date(YEAR, 6, 1), "quarter")
    rows = dashboard(Place(region=regions["16"]), later).categories
    found = [(c["activities"], c["participants"], c["previous"]) for c in rows]
    assert found == [(1, 12, 1), (0, 0, 1)]


def test_quiet_libraries_are_counted_as_of_today(libraries, regions):
    today = timezone.localdate()
    ActivityFactory(library=libraries.air_batu, starts_on=today - datetime.timedelta(days=70))
    ActivityFactory(library=libraries.kemang_manis, starts_on=today - datetime.timedelta(days=10))
    LibraryFactory(region=regions["16.07.10.1004"], joined_on=today - datetime.timedelta(days=5))
    board = dashboard(Place(region=regions["16"]), QUARTER)
    # Air Batu (70 days) and the regency library (never) are quiet; Kemang Manis is active;
    # the library that joined five days ago has not had 60 days yet.
    assert board.figures["quiet"] == 2
    names = [library.name for library in board.attention["quiet"]["libraries"]]
    assert names == ["Perpustakaan Daerah Banyuasin", "Perpustakaan Desa Air Batu"]
    assert board.attention["quiet"]["since"] == quiet_since()


def test_trend_has_twelve_months_ending_with_the_period(quarter, regions):
    trend = dashboard(Place(region=regions["16.07"]), QUARTER).trend
    assert len(trend) == 12
    assert trend[-1]["month"] == MAR
    assert [t["visitors"] for t in trend[-3:]] == [100, 60, 580]
    assert [t["activities"] for t in trend[-3:]] == [1, 0, 1]


def test_map_shows_each_located_library_with_its_activity_level(quarter, regions):
    quarter.air_batu.latitude, quarter.air_batu.longitude = -2.9, 104.7
    quarter.air_batu.save()
    board = dashboard(Place(region=regions["16.07"]), QUARTER)
    assert board.map_mode == "libraries"
    [point] = board.map_points
    assert (point["library"], point["activities"], point["level"]) == (
        quarter.air_batu.pk,
        1,
        "some",
    )


OCTOBER = datetime.date(2026, 10, 1)


@pytest.mark.parametrize(
    ("today", "late", "on_time"),
    [
        # On the due day the missing reports are not late yet...
        (datetime.date(2026, 11, 10), 0.0, 25.0),
        # ...the day after they are: on time and late add up to everything expected.
        (datetime.date(2026, 11, 11), 75.0, 25.0),
    ],
)
@override_settings(REPORT_DUE_DAY=10)
def test_missing_reports_count_as_late_the_day_after_the_due_day(
    libraries, monkeypatch, today, late, on_time
):
    freeze_today(monkeypatch, today)
    report(libraries.air_batu, OCTOBER, 100)
    figures = dashboard(Place(), Period(OCTOBER, OCTOBER, "month")).figures
    # Air Batu, Banyuasin's regency library, Palembang's and Medan's: Sukajadi is a candidate.
    assert (figures["expected_reports"], figures["reports"]) == (4, 1)
    assert figures["on_time"] == pytest.approx(on_time)
    assert figures["late"] == pytest.approx(late)


@pytest.mark.parametrize("code", ["", "16", "16.07"])
def test_region_counts_equal_a_count_of_the_libraries(quarter, libraries, regions, code):
    """The count rows give each child region what counting its libraries would, quiet ones
    and map centres included."""
    from django.db.models.functions import Substr

    from inklusi.monitoring.indicators import count_libraries, region_counts

    libraries.kemang_manis.latitude, libraries.kemang_manis.longitude = -2.98, 104.76
    save_library(libraries.kemang_manis)
    LibraryFactory(region=regions["12.71.01.1001"], joined_on=None, status=Status.INDEPENDENT)
    place = Place(region=regions[code] if code else None)
    length = len(code) + 3 if code else 2
    window_start = datetime.date(YEAR - 1, 7, 1)
    raw = count_libraries(
        place.libraries().exclude(region_id=place.code),
        Substr("region_id", 1, length),
        window_start,
    )
    summed = region_counts(place, window_start)
    assert sum(counts.quiet for counts in raw.values()) > 0
    assert set(summed) == set(raw)
    for key, counts in raw.items():
        assert dict(summed[key].by_status_and_month) == dict(counts.by_status_and_month)
        assert (summed[key].quiet, summed[key].located) == (counts.quiet, counts.located)
        assert summed[key].centre == pytest.approx(counts.centre)
