"""The dashboard's way down on a phone: cards of the places (or, when they are few, the
libraries) one level down, each with its key figures and what needs attention; a library
search that finds only libraries inside the place and the user's scope; the full table folded
behind "Full table"."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from inklusi.core.months import previous_month
from inklusi.monitoring import indicators
from inklusi.testing.factories import (
    ActivityFactory,
    LibraryFactory,
    MonthlyReportFactory,
    make_region,
)


def region_url(code):
    return reverse("monitoring:region", args=[code])


def library_url(library):
    return reverse("monitoring:library", args=[library.pk])


@pytest.fixture
def reported(libraries):
    """Last month: Air Batu reported and held an activity; the Banyuasin regency library did
    not report."""
    month = previous_month()
    MonthlyReportFactory(library=libraries.air_batu, month=month)
    ActivityFactory(library=libraries.air_batu, starts_on=month.replace(day=15))
    return libraries


def cards(response):
    return {card.name: card for card in response.context["cards"]}


def test_a_place_with_few_libraries_shows_the_libraries_themselves(people, reported, login):
    response = login(people.regency).get(region_url("16.07"))
    found = cards(response)
    assert set(found) == {
        "Perpustakaan Daerah Banyuasin",
        "Perpustakaan Desa Air Batu",
        "Perpustakaan Desa Sukajadi",
    }
    assert found["Perpustakaan Desa Air Batu"].url.startswith(library_url(reported.air_batu) + "?")
    assert found["Perpustakaan Desa Air Batu"].figures["activities"] == 1
    content = response.content.decode()
    assert content.index('class="dash-cards"') < content.index('id="figures-heading"')


def test_a_bigger_place_shows_its_regions(people, reported, login, monkeypatch):
    monkeypatch.setattr(indicators, "CARD_LIBRARY_LIMIT", 2)
    found = cards(login(people.regency).get(region_url("16.07")))
    assert set(found) == {"Kecamatan Talang Kelapa", "Perpustakaan Daerah Banyuasin"}
    assert found["Kecamatan Talang Kelapa"].url.startswith(region_url("16.07.10") + "?")
    assert found["Kecamatan Talang Kelapa"].figures["libraries"] == 1  # Sukajadi: candidate


def test_a_card_says_what_needs_attention(people, reported, login):
    response = login(people.regency).get(region_url("16.07"))
    found = cards(response)
    assert found["Perpustakaan Daerah Banyuasin"].missing_reports == 1
    assert found["Perpustakaan Desa Air Batu"].missing_reports == 0
    assert "1 laporan belum masuk" in response.content.decode()


def test_a_library_page_has_no_cards_and_no_search(people, reported, login):
    response = login(people.manager).get(library_url(reported.air_batu), {"cari": "Desa"})
    assert response.context["cards"] == []
    assert 'id="dash-search"' not in response.content.decode()


def found_names(client, url, text, **headers):
    response = client.get(url, {"cari": text}, headers=headers)
    assert response.status_code == 200
    return {library.name for library in response.context["search"]["found"]}


def test_the_search_finds_libraries_inside_the_place(people, libraries, login):
    client = login(people.province)
    assert found_names(client, region_url("16"), "Perpustakaan") == {
        "Perpustakaan Daerah Banyuasin",
        "Perpustakaan Desa Air Batu",
        "Perpustakaan Desa Sukajadi",
        "Perpustakaan Kelurahan Tiga-puluh-lima Ilir",
    }
    assert found_names(client, region_url("16.07"), "Ilir") == set()
    assert found_names(client, region_url("16.07"), "air batu") == {"Perpustakaan Desa Air Batu"}


def test_the_search_never_returns_a_library_outside_the_scope(people, libraries, login):
    # The nation page is for national users only; a regional user searches their own area.
    admin = login(people.admin)
    assert "Perpustakaan Kelurahan Pasar Baru" in found_names(
        admin, reverse("monitoring:nation"), "Pasar"
    )
    charlie = login(people.charlie)
    assert found_names(charlie, region_url("16.71"), "Perpustakaan") == {
        "Perpustakaan Kelurahan Tiga-puluh-lima Ilir"
    }
    for url in (region_url("16.07"), region_url("16"), reverse("monitoring:nation")):
        assert charlie.get(url, {"cari": "Air Batu"}).status_code == 404


def test_the_type_ahead_gets_the_results_alone(people, libraries, login):
    client = login(people.regency)
    response = client.get(region_url("16.07"), {"cari": "sukajadi"}, headers={"HX-Request": "true"})
    content = response.content.decode()
    assert "<html" not in content
    assert f'href="{library_url(libraries.sukajadi)}?' in content
    response = client.get(
        region_url("16.07"), {"cari": "Tidak ada"}, headers={"HX-Request": "true"}
    )
    assert "Tidak ada perpustakaan di wilayah ini yang cocok" in response.content.decode()
    emptied = client.get(region_url("16.07"), {"cari": " "}, headers={"HX-Request": "true"})
    assert emptied.content.decode().strip() == ""


def test_the_search_shows_the_first_ones_and_says_there_are_more(
    people, libraries, login, monkeypatch
):
    monkeypatch.setattr("inklusi.monitoring.views.SEARCH_LIMIT", 2)
    response = login(people.regency).get(region_url("16.07"), {"cari": "Perpustakaan"})
    assert len(response.context["search"]["found"]) == 2
    assert response.context["search"]["more"]


def test_the_full_table_is_folded_until_a_column_is_sorted(people, reported, login):
    client = login(people.regency)
    folded = client.get(region_url("16.07")).content.decode()
    assert '<details class="dash-full" id="table" data-open-when-wide>' in folded
    sorted_page = client.get(region_url("16.07"), {"sort": "-visitors"}).content.decode()
    assert '<details class="dash-full" id="table" data-open-when-wide open>' in sorted_page


def test_the_library_cards_ask_a_fixed_number_of_queries(people, reported, login):
    client = login(people.regency)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(region_url("16.07")).status_code == 200
        return len(captured.captured_queries)

    few = queries()
    for number in range(6):
        village = make_region(f"16.07.10.{2101 + number}", f"Uji {number}")
        MonthlyReportFactory(library=LibraryFactory(region=village), month=previous_month())
    assert len(cards(client.get(region_url("16.07")))) == 9
    assert queries() == few


def test_a_library_is_two_taps_below_a_regency_with_many(people, reported, login, monkeypatch):
    monkeypatch.setattr(indicators, "CARD_LIBRARY_LIMIT", 2)
    client = login(people.regency)
    district = cards(client.get(region_url("16.07")))["Kecamatan Talang Kelapa"]
    found = cards(client.get(district.url))  # the first tap
    assert found["Perpustakaan Desa Air Batu"].url.startswith(library_url(reported.air_batu))
