"""A place's figures are the same wherever they appear: the dashboard, the advocacy brief (and
so the plan's proposal) and the public library page, for the same place and months."""

import datetime

import pytest
from django.urls import reverse

from inklusi.activities.models import Category
from inklusi.advocacy.brief import brief_data, library_brief, region_brief
from inklusi.core.months import add_months, this_month
from inklusi.monitoring.figures import last_twelve_months
from inklusi.testing.factories import ActivityFactory, MonthlyReportFactory

MONTHS = last_twelve_months()
REPORT_FAMILY = ("reports", "visitors", "visitors_female", "visitors_male", "loans", "new_members")
ACTIVITY_FAMILY = ("activities", "participants", "participants_female", "women_share")


@pytest.fixture
def records(libraries):
    """Reports and activities of Banyuasin's libraries, inside and just outside the months."""
    air_batu, sukajadi, banyuasin = libraries.air_batu, libraries.sukajadi, libraries.banyuasin
    economy = Category.objects.get(slug="economy")
    for library, months_back, female, members in (
        (air_batu, 1, 300, 410),
        (air_batu, 2, 250, 400),
        (air_batu, 12, 90, 350),
        (air_batu, 13, 9000, 999),  # before the twelve months
        (air_batu, 0, 9000, 999),  # this month, not full yet
        (banyuasin, 3, 1200, 2000),
        (banyuasin, 1, 1100, 2100),
        (sukajadi, 1, 111, 60),  # a candidate: its visitors count, its report is not expected
    ):
        MonthlyReportFactory(
            library=library,
            month=add_months(this_month(), -months_back),
            visitors_female=female,
            visitors_male=female // 2,
            total_members=members,
            new_members=members // 20,
            computer_users=female // 10,
            internet_users=female // 20,
        )
    for library, day, female, male, category in (
        (air_batu, MONTHS[-1] + datetime.timedelta(days=4), 30, 10, economy),
        (air_batu, MONTHS[0], 5, 15, None),
        (banyuasin, MONTHS[5] + datetime.timedelta(days=9), 12, 12, economy),
        (air_batu, MONTHS[0] - datetime.timedelta(days=1), 99, 99, None),  # before
        (air_batu, this_month(), 77, 77, None),  # this month
    ):
        ActivityFactory(
            library=library,
            starts_on=day,
            participants_female=female,
            participants_male=male,
            **({"category": category} if category else {}),
        )
    ActivityFactory(library=air_batu, starts_on=MONTHS[3], status="draft", participants_female=50)
    return libraries


def dashboard(client, url_name, *args):
    query = {"period": "range", "from": f"{MONTHS[0]:%Y-%m}", "to": f"{MONTHS[-1]:%Y-%m}"}
    response = client.get(reverse(f"monitoring:{url_name}", args=args), query)
    assert response.status_code == 200
    return response.context["board"]


@pytest.fixture
def library_pages(client, people, login, records):
    """(dashboard, brief, public page) of Air Batu over the twelve months."""
    library = records.air_batu
    public = client.get(reverse("public:library", args=[library.pk])).context["figures"]
    board = dashboard(login(people.admin), "library", library.pk)
    return board, brief_data(*library_brief(library)), public


@pytest.fixture
def region_pages(people, login, records):
    """(dashboard, brief) of Banyuasin over the twelve months."""
    board = dashboard(login(people.admin), "region", "16.07")
    return board, brief_data(*region_brief(records.regions["16.07"]))


def test_report_figures_are_one(library_pages, region_pages):
    board, brief, public = library_pages
    for name in REPORT_FAMILY:
        assert board.figures[name] == brief["figures"][name], name
        if name in public:
            assert board.figures[name] == public[name], name
    assert board.figures["visitors"] == (300 + 150) + (250 + 125) + (90 + 45)
    board, brief = region_pages
    for name in REPORT_FAMILY:
        assert board.figures[name] == brief["figures"][name], name
    # The candidate's visitors count; its report is not one expected.
    assert board.figures["visitors_female"] == 300 + 250 + 90 + 1200 + 1100 + 111
    assert board.figures["reports"] == 5


def test_members_are_one(library_pages, region_pages):
    board, brief, _public = library_pages
    assert board.figures["members"] == brief["figures"]["members"] == 410
    board, brief = region_pages
    # The members reported for the latest month with reports.
    assert board.figures["members"] == brief["figures"]["members"] == 410 + 2100 + 60


def test_activity_figures_are_one(library_pages, region_pages):
    board, brief, public = library_pages
    for name in ACTIVITY_FAMILY:
        assert board.figures[name] == brief["figures"][name], name
    assert board.figures["activities"] == public["activities"] == 2
    board, brief = region_pages
    for name in ACTIVITY_FAMILY:
        assert board.figures[name] == brief["figures"][name], name
    assert board.figures["participants"] == 30 + 10 + 5 + 15 + 12 + 12


def test_categories_are_one(library_pages, region_pages):
    for board, brief, *_public in (library_pages, region_pages):
        shown = [row for row in board.categories if row["activities"]]
        assert [(r["name"], r["activities"], r["participants"]) for r in shown] == [
            (r["name"], r["activities"], r["participants"]) for r in brief["categories"]
        ]
    assert brief["categories"][0]["activities"] == 2  # Banyuasin's economy activities


def test_trends_are_one(library_pages, region_pages):
    for board, brief, *_public in (library_pages, region_pages):
        assert [p["month"] for p in board.trend] == MONTHS
        assert board.trend == brief["figures"]["trend"]
        assert [c["value"] for c in brief["chart"]["columns"]] == [
            p["visitors"] for p in board.trend
        ]


def test_computer_and_internet_users_are_one(library_pages):
    _board, brief, public = library_pages
    for name in ("computer_users", "internet_users"):
        assert brief["figures"][name] == public[name]
    assert public["computer_users"] == (300 + 250 + 90) // 10


def test_public_activity_counts_are_the_dashboards(client, people, login, records):
    """The public region page counts every month's published activities: the dashboard's
    activities of a range that holds them all (regions below a regency are read from region
    rows, villages from library rows)."""
    query = {"period": "range", "from": f"{MONTHS[0] - datetime.timedelta(days=1):%Y-%m}"}
    query["to"] = f"{this_month():%Y-%m}"
    admin = login(people.admin)
    for code, child in (("16.07", "16.07.10"), ("16.07.10", "16.07.10.1002")):
        board = admin.get(reverse("monitoring:region", args=[code]), query).context["board"]
        page = client.get(reverse("public:region", args=[code])).context
        dashboard_rows = {row.key: row.figures["activities"] for row in board.rows}
        assert [(c.code, c.activity_count) for c in page["children"]] == [
            (child, dashboard_rows[child])
        ]
        assert dashboard_rows[child] == 4
    for library in page["libraries"]:
        url = reverse("monitoring:library", args=[library.pk])
        figures = admin.get(url, query).context["board"].figures
        assert library.activity_count == figures["activities"], library
