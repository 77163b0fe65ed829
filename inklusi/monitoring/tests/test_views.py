"""The dashboard pages: where /pantauan/ sends each user, who may open which place, what the
page shows (periods, sorting, the table one level down, the attention list) and that its
number of queries does not grow with the number of libraries."""

import html
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from inklusi.accounts.models import Role, RoleAssignment
from inklusi.core.months import add_months, first_of_month, previous_month
from inklusi.libraries.models import Kind
from inklusi.libraries.services import save_library
from inklusi.monitoring.indicators import ATTENTION_LIMIT, TABLE_KEYS, overdue_month
from inklusi.monitoring.periods import default_period
from inklusi.monitoring.views import SORT_KEYS
from inklusi.testing.factories import (
    ActivityFactory,
    LibraryFactory,
    MonthlyReportFactory,
    make_region,
)

NATION = reverse("monitoring:nation")
WHATSAPP = "6281234567890"


def region_url(code):
    return reverse("monitoring:region", args=[code])


def library_url(library):
    return reverse("monitoring:library", args=[library.pk])


def mid_month(month):
    return month.replace(day=15)


def report_and_activity(library, month=None, visitors_female=120):
    """A report and a published activity of `month` (the last complete month by default)."""
    month = month or previous_month()
    MonthlyReportFactory(library=library, month=month, visitors_female=visitors_female)
    ActivityFactory(library=library, starts_on=mid_month(month))


@pytest.fixture
def figures(libraries):
    """Last month's reports of Air Batu and the Banyuasin regency library (Banyuasin: 215 +
    1.095 visitors) and of the Palembang library (4.321 + 95), an activity in Air Batu."""
    MonthlyReportFactory(library=libraries.air_batu)
    MonthlyReportFactory(library=libraries.banyuasin, visitors_female=1000)
    MonthlyReportFactory(library=libraries.kemang_manis, visitors_female=4321)
    ActivityFactory(library=libraries.air_batu, starts_on=mid_month(previous_month()))
    return libraries


# Where /pantauan/ leads ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "persona,expected",
    [
        ("admin", lambda libs: NATION),
        ("province", lambda libs: region_url("16")),
        ("regency", lambda libs: region_url("16.07")),
        ("charlie", lambda libs: region_url("16.71")),
        ("manager", lambda libs: library_url(libs.air_batu)),
    ],
)
def test_the_start_page_sends_each_user_to_their_place(people, libraries, login, persona, expected):
    response = login(getattr(people, persona)).get(reverse("monitoring:index"))
    assert response.status_code == 302
    assert response.url == expected(libraries)


def test_the_start_page_refuses_a_user_without_a_role(people, login):
    response = login(people.nobody).get(reverse("monitoring:index"))
    assert response.status_code == 403


def test_the_start_page_lists_the_places_of_a_user_with_several(people, libraries, login):
    RoleAssignment.objects.create(
        user=people.regency, role=Role.REGENCY_COORDINATOR, region=libraries.regions["12.71"]
    )
    response = login(people.regency).get(reverse("monitoring:index"))
    assert response.status_code == 200
    content = response.content.decode()
    assert f'href="{region_url("16.07")}"' in content
    assert f'href="{region_url("12.71")}"' in content


def test_visitors_are_sent_to_log_in_and_the_pages_only_answer_reading(people, client, login):
    response = client.get(NATION)
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))
    assert login(people.admin).post(NATION).status_code == 405


# Scope ------------------------------------------------------------------------------------


def status_of(client, url):
    return client.get(url).status_code


def test_a_regency_coordinator_opens_only_places_inside_the_regency(people, libraries, login):
    client = login(people.regency)
    outside = [
        NATION,
        region_url("16"),
        region_url("16.71"),
        region_url("16.71.01"),
        region_url("12"),
        library_url(libraries.kemang_manis),
        library_url(libraries.medan),
    ]
    inside = [
        region_url("16.07"),
        region_url("16.07.10"),
        region_url("16.07.10.1002"),
        library_url(libraries.air_batu),
        library_url(libraries.banyuasin),
    ]
    assert {url: status_of(client, url) for url in outside} == dict.fromkeys(outside, 404)
    assert {url: status_of(client, url) for url in inside} == dict.fromkeys(inside, 200)


def test_charlie_cannot_see_banyuasin(people, libraries, login):
    client = login(people.charlie)
    assert status_of(client, region_url("16.07")) == 404
    assert status_of(client, region_url("16.07.10.1002")) == 404
    assert status_of(client, library_url(libraries.air_batu)) == 404
    assert status_of(client, region_url("16.71")) == 200


def test_a_library_manager_sees_only_the_library(people, libraries, login):
    client = login(people.manager)
    assert status_of(client, library_url(libraries.air_batu)) == 200
    assert status_of(client, library_url(libraries.sukajadi)) == 404
    assert status_of(client, region_url("16.07.10.1002")) == 404
    assert status_of(client, NATION) == 404


def test_an_unknown_place_is_not_found(people, login):
    client = login(people.admin)
    for url in (region_url("99.99"), region_url("xx"), reverse("monitoring:library", args=[999])):
        assert status_of(client, url) == 404, url


def test_the_page_shows_no_figures_from_outside_the_scope(people, figures, login):
    response = login(people.regency).get(region_url("16.07"))
    content = response.content.decode()
    assert response.context["board"].figures["visitors"] == 215 + 1095
    assert response.context["board"].figures["reports"] == 2
    for outside in ("Tiga-puluh-lima Ilir", "Palembang", "Pasar Baru", "Medan", "4.416"):
        assert outside not in content, outside
    assert "Perpustakaan Daerah Banyuasin" in content


def test_the_province_adds_up_its_regencies_only(people, figures, login):
    response = login(people.province).get(region_url("16"))
    board = response.context["board"]
    assert board.figures["visitors"] == 215 + 1095 + 4416
    assert {row.key: row.figures["visitors"] for row in board.rows} == {
        "16.07": 215 + 1095,
        "16.71": 4416,
    }
    assert "Pasar Baru" not in response.content.decode()


# Breadcrumb --------------------------------------------------------------------------------


def crumb_links(response):
    nav = re.search(r'<nav class="crumbs"[^>]*>(.*?)</nav>', response.content.decode(), re.S)
    return [href.split("?")[0] for href in re.findall(r'href="([^"]*)"', nav[1])] if nav else []


def test_the_breadcrumb_links_only_places_the_user_may_open(people, libraries, login):
    village = region_url("16.07.10.1002")
    assert crumb_links(login(people.regency).get(village)) == [
        region_url("16.07"),
        region_url("16.07.10"),
    ]
    assert crumb_links(login(people.admin).get(village)) == [
        NATION,
        region_url("16"),
        region_url("16.07"),
        region_url("16.07.10"),
    ]
    assert crumb_links(login(people.manager).get(library_url(libraries.air_batu))) == []


def test_the_national_page_has_no_breadcrumb_naming_itself_twice(people, login):
    page = login(people.admin).get(NATION).content.decode()
    assert crumb_links(login(people.admin).get(NATION)) == []
    assert "Indonesia ›" not in page


def test_points_are_explained_where_changes_are_shown(people, login):
    """ "−100,0 pt" was never explained: the page says what pt means, and each pt says it."""
    client = login(people.admin)
    client.cookies["django_language"] = "id"
    page = client.get(NATION).content.decode()
    assert "pt: poin persentase" in page
    assert '<abbr title="poin persentase">pt</abbr>' in page


def test_the_breadcrumb_keeps_the_period(people, libraries, login):
    response = login(people.admin).get(region_url("16.07"), {"period": "year", "at": "2025"})
    assert f'href="{region_url("16")}?period=year&amp;at=2025"' in response.content.decode()


# Periods -----------------------------------------------------------------------------------


def this_month():
    return first_of_month(timezone.localdate())


def bad_periods():
    """Each refused by parse_period; worked out from today, so they stay bad next year."""
    today = this_month()
    eleven_years = {
        "period": "range",
        "from": f"{today.year - 11}-01",
        "to": f"{today.year - 1}-12",
    }
    return {
        "end before start": {"period": "range", "from": "2026-06", "to": "2026-01"},
        "future month": {"period": "month", "at": f"{add_months(today, 1):%Y-%m}"},
        "range ending next month": {
            "period": "range",
            "from": f"{add_months(today, -2):%Y-%m}",
            "to": f"{add_months(today, 1):%Y-%m}",
        },
        "future year": {"period": "year", "at": str(today.year + 1)},
        "from is not a month": {"from": "abc"},
        "range from is not a month": {"period": "range", "from": "abc", "to": "2026-01"},
        "month 13": {"period": "month", "at": "2026-13"},
        "year zero": {"period": "month", "at": "0000-01"},
        "quarter 9": {"period": "quarter", "at": "2026-Q9"},
        "quarter text": {"period": "quarter", "at": "Q3"},
        "year text": {"period": "year", "at": "twenty"},
        "unknown kind": {"period": "nonsense"},
        "eleven years": eleven_years,
    }


@pytest.mark.parametrize("case", list(bad_periods()))
def test_a_bad_period_shows_a_message_and_the_last_month(people, libraries, login, case):
    client = login(people.admin)
    for url in (NATION, region_url("16.07.10.1002"), library_url(libraries.air_batu)):
        response = client.get(url, bad_periods()[case])
        assert response.status_code == 200
        error = response.context["period_error"]
        assert error
        assert html.escape(error) in response.content.decode()
        assert response.context["period"] == default_period()


@pytest.mark.parametrize(
    "params,kind",
    [
        ({}, "month"),
        ({"period": "month", "at": "2025-02"}, "month"),
        ({"period": "quarter"}, "quarter"),
        ({"period": "quarter", "at": "2025-Q4"}, "quarter"),
        ({"period": "year"}, "year"),
        ({"period": "year", "at": "2024"}, "year"),
        ({"period": "range", "from": "2025-01", "to": "2025-06"}, "range"),
        ({"from": "2025-03"}, "range"),
    ],
)
def test_a_good_period_shows_without_a_message(people, figures, login, params, kind):
    response = login(people.admin).get(region_url("16"), params)
    assert response.status_code == 200
    assert response.context["period_error"] == ""
    assert response.context["period"].kind == kind
    assert html.escape(response.context["period"].label) in response.content.decode()


def test_this_month_has_no_next_period_link(people, libraries, login):
    client = login(people.admin)
    now = client.get(NATION, {"period": "month", "at": f"{this_month():%Y-%m}"})
    assert now.context["following_query"] == ""
    last = client.get(NATION)
    assert last.context["following_query"] == f"period=month&at={this_month():%Y-%m}"


# The table one level down ------------------------------------------------------------------


@pytest.fixture
def province_library(regions):
    """A library registered at the province itself: a row of its own in the province table."""
    library = LibraryFactory(
        name="Perpustakaan Provinsi Sumsel", kind=Kind.PROVINCE, region=regions["16"]
    )
    report_and_activity(library, visitors_female=10)
    ActivityFactory(library=library, starts_on=mid_month(previous_month()))
    return library


def row_links(response):
    return {row.name: row.url.split("?")[0] for row in response.context["table_rows"]}


def test_the_rows_link_one_level_down(people, figures, province_library, login):
    client = login(people.admin)
    libs = figures
    assert row_links(client.get(NATION)) == {
        "Provinsi Sumatera Selatan": region_url("16"),
        "Provinsi Sumatera Utara": region_url("12"),
    }
    assert row_links(client.get(region_url("16"))) == {
        "Kabupaten Banyuasin": region_url("16.07"),
        "Kota Palembang": region_url("16.71"),
        "Perpustakaan Provinsi Sumsel": library_url(province_library),
    }
    assert row_links(client.get(region_url("16.07"))) == {
        "Kecamatan Talang Kelapa": region_url("16.07.10"),
        "Perpustakaan Daerah Banyuasin": library_url(libs.banyuasin),
    }
    assert row_links(client.get(region_url("16.07.10.1002"))) == {
        "Perpustakaan Desa Air Batu": library_url(libs.air_batu),
    }
    assert row_links(client.get(library_url(libs.air_batu))) == {}


def test_a_district_lists_its_villages_that_have_libraries(people, libraries, login):
    make_region("16.07.10.1099", "Tanpa Perpustakaan")
    response = login(people.admin).get(region_url("16.07.10"), {"period": "year"})
    assert row_links(response) == {
        "Kelurahan Air Batu": region_url("16.07.10.1002"),
        "Kelurahan Sukajadi": region_url("16.07.10.1004"),
    }
    content = response.content.decode()
    query = response.context["query"]
    assert f'href="{region_url("16.07.10.1002")}?{html.escape(query)}"' in content
    assert "Tanpa Perpustakaan" not in content


def test_the_rows_carry_their_own_figures(people, figures, province_library, login):
    response = login(people.admin).get(region_url("16"))
    rows = {row.name: row.figures for row in response.context["table_rows"]}
    assert rows["Kabupaten Banyuasin"]["visitors"] == 215 + 1095
    assert rows["Kabupaten Banyuasin"]["libraries"] == 2  # Sukajadi is only a candidate
    assert rows["Kabupaten Banyuasin"]["compliance"] == 100.0
    assert rows["Kabupaten Banyuasin"]["activities"] == 1
    assert rows["Kota Palembang"]["visitors"] == 4416
    assert rows["Perpustakaan Provinsi Sumsel"]["activities"] == 2
    assert response.context["board"].figures["activities"] == 3


def sort_value(row, key):
    return row.name.lower() if key == "name" else row.figures[key]


@pytest.mark.parametrize(
    "sort",
    [*SORT_KEYS, *(f"-{key}" for key in SORT_KEYS), "bogus", "-bogus", "", "--name"],
)
def test_the_table_sorts_by_every_column(people, figures, province_library, login, sort):
    response = login(people.admin).get(region_url("16"), {"sort": sort})
    assert response.status_code == 200
    rows = response.context["table_rows"]
    assert len(rows) == 3
    key = response.context["sort_key"]
    descending = response.context["descending"]
    if sort.lstrip("-") in SORT_KEYS:
        assert (key, descending) == (sort.lstrip("-"), sort.startswith("-"))
    else:
        assert (key, descending) == ("name", False)
    values = [sort_value(row, key) for row in rows]
    present = [value for value in values if value is not None]
    assert values == present + [None] * (len(values) - len(present)), "blanks go last"
    assert present == sorted(present, reverse=descending)


def test_every_table_column_has_a_sort_link(people, figures, login):
    content = login(people.admin).get(region_url("16")).content.decode()
    for key in ("name", *TABLE_KEYS):
        assert re.search(rf"&amp;sort=-?{key}\"", content), key


# The attention list ------------------------------------------------------------------------


def test_the_attention_list_names_a_library_without_its_overdue_report(people, libraries, login):
    libraries.air_batu.whatsapp = WHATSAPP
    libraries.air_batu.save()
    MonthlyReportFactory(library=libraries.banyuasin, month=overdue_month())
    response = login(people.regency).get(region_url("16.07"))
    missing = response.context["board"].attention["missing"]
    assert missing["month"] == overdue_month()
    assert [library.name for library in missing["libraries"]] == ["Perpustakaan Desa Air Batu"]
    assert missing["count"] == 1
    content = response.content.decode()
    assert f'href="https://wa.me/{WHATSAPP}?text=' in content


def test_the_attention_list_names_quiet_libraries(people, libraries, login):
    ActivityFactory(library=libraries.banyuasin, starts_on=timezone.localdate())
    response = login(people.regency).get(region_url("16.07"))
    quiet = response.context["board"].attention["quiet"]
    assert [library.name for library in quiet["libraries"]] == ["Perpustakaan Desa Air Batu"]
    assert quiet["count"] == 1


def test_the_attention_list_names_a_library_whose_visitors_fell(people, libraries, login):
    last = previous_month()
    for months_back in (1, 2, 3):
        MonthlyReportFactory(library=libraries.air_batu, month=add_months(last, -months_back))
    MonthlyReportFactory(
        library=libraries.air_batu, month=last, visitors_female=10, visitors_male=10
    )
    response = login(people.regency).get(region_url("16.07"))
    fell = response.context["board"].attention["fell"]
    assert fell["count"] == 1
    assert [row.library.name for row in fell["rows"]] == ["Perpustakaan Desa Air Batu"]


def test_the_attention_list_shows_the_first_ones_and_counts_them_all(people, libraries, login):
    for number in range(ATTENTION_LIMIT + 2):
        LibraryFactory(
            name=f"Perpustakaan Desa Sunyi {number:02d}", region=libraries.air_batu.region
        )
    response = login(people.regency).get(region_url("16.07"))
    missing = response.context["board"].attention["missing"]
    assert missing["count"] == ATTENTION_LIMIT + 4  # with Air Batu and the regency library
    assert len(missing["libraries"]) == ATTENTION_LIMIT
    assert missing["more"]


def test_a_candidate_report_does_not_count_as_filed(people, libraries, login):
    month = overdue_month()
    MonthlyReportFactory(library=libraries.sukajadi, month=month)  # a candidate
    response = login(people.regency).get(region_url("16.07"), {"at": f"{month:%Y-%m}"})
    board = response.context["board"]
    assert len(board.attention["missing"]["libraries"]) == 2
    assert board.attention["missing"]["count"] == 2
    assert board.figures["compliance"] == 0.0


# The range form and the map ----------------------------------------------------------------


def test_the_range_form_keeps_the_chosen_months(people, libraries, login):
    params = {"period": "range", "from": "2026-01", "to": "2026-06"}
    content = login(people.admin).get(NATION, params).content.decode()
    assert re.search(r'<input id="range-from"[^>]* value="2026-01"', content)
    assert re.search(r'<input id="range-to"[^>]* value="2026-06"', content)


def test_the_range_form_shows_the_period_of_a_quarter(people, libraries, login):
    content = login(people.admin).get(NATION, {"period": "quarter", "at": "2025-Q2"}).content
    assert re.search(r'<input id="range-from"[^>]* value="2025-04"', content.decode())
    assert re.search(r'<input id="range-to"[^>]* value="2025-06"', content.decode())


def locate(library, latitude=-2.9, longitude=104.7):
    library.latitude, library.longitude = latitude, longitude
    save_library(library)


def test_the_map_shows_the_libraries_of_the_place(people, figures, login):
    for library in (figures.air_batu, figures.banyuasin, figures.kemang_manis):
        locate(library)
    points = login(people.regency).get(region_url("16.07")).context["map_points"]
    assert sorted(point["name"] for point in points) == [
        "Perpustakaan Daerah Banyuasin",
        "Perpustakaan Desa Air Batu",
    ]
    air_batu = next(point for point in points if point["library"] == figures.air_batu.pk)
    assert (air_batu["activities"], air_batu["level"]) == (1, "active")
    assert air_batu["url"].startswith(library_url(figures.air_batu) + "?period=month")


def test_a_place_with_many_libraries_maps_its_child_regions(
    people, figures, province_library, login, monkeypatch
):
    monkeypatch.setattr("inklusi.monitoring.indicators.MAP_LIBRARY_LIMIT", 1)
    for library in (figures.air_batu, figures.banyuasin, figures.kemang_manis, province_library):
        locate(library)
    response = login(people.province).get(region_url("16"))
    assert response.context["board"].map_mode == "regions"
    urls = {point["name"]: point["url"].split("?")[0] for point in response.context["map_points"]}
    assert urls == {
        "Kabupaten Banyuasin": region_url("16.07"),
        "Kota Palembang": region_url("16.71"),
        "Perpustakaan Provinsi Sumsel": library_url(province_library),
    }


# Queries -----------------------------------------------------------------------------------


def add_libraries(numbers):
    """Libraries numbered `numbers`, with reports, activities, coordinates and WhatsApp numbers,
    spread over new villages in two districts of Banyuasin and one of Palembang."""
    districts = ["16.07.10", "16.07.11", "16.71.01"]
    for number in numbers:
        village = make_region(f"{districts[number % 3]}.{2001 + number}", f"Uji {number}")
        library = LibraryFactory(region=village, latitude=-2.9, longitude=104.7, whatsapp=WHATSAPP)
        report_and_activity(library, visitors_female=100 + number)
        MonthlyReportFactory(library=library, month=add_months(previous_month(), -1))


def queries_of(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries.captured_queries)


def test_the_number_of_queries_does_not_grow_with_the_libraries(people, figures, login):
    client = login(people.admin)
    add_libraries(range(2))
    urls = [
        NATION,
        region_url("16"),
        region_url("16.07"),
        region_url("16.07.10"),
        region_url("16.07.10.1002"),
        library_url(figures.air_batu),
    ]
    few = {url: queries_of(client, url) for url in urls}
    add_libraries(range(2, 22))
    many = {url: queries_of(client, url) for url in urls}
    # With few libraries the cards list the libraries themselves (a fixed number of queries
    # more); with many they show the regions of the table.
    assert all(many[url] <= few[url] for url in urls), (few, many)
