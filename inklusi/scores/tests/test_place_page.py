"""The colours of a place: counts, the regions below (drill-down), the libraries that moved
colour since the quarter before, and the colours on the dashboard and library pages."""

import pytest
from django.urls import reverse

from inklusi.scores.models import LibraryScore
from inklusi.testing.factories import LibraryFactory
from inklusi.testing.queries import captured_queries

from .helpers import Q2, Q3, frozen


def card(library, quarter, total, colour):
    return LibraryScore.objects.create(
        library=library,
        quarter=quarter,
        total=total,
        colour=colour,
        reporting=0,
        community=0,
        publicity=0,
        partnership=0,
        outcomes=0,
        facts={},
    )


@pytest.fixture
def cards(libraries, monkeypatch):
    frozen(monkeypatch)
    regions = libraries.regions
    office = libraries.banyuasin
    card(libraries.air_batu, Q2, 40, "red")
    card(libraries.air_batu, Q3, 80, "green")  # went up
    card(office, Q2, 80, "green")
    card(office, Q3, 60, "yellow")  # went down
    card(libraries.kemang_manis, Q2, 60, "yellow")
    card(libraries.kemang_manis, Q3, 60, "yellow")  # stayed
    card(libraries.medan, Q3, 90, "green")
    steady = LibraryFactory(name="Perpustakaan Desa Tetap", region=regions["16.07.10.1004"])
    card(steady, Q3, 30, "red")  # no card the quarter before: not "moved"
    return libraries


def test_moved_lists_name_who_went_up_and_down(cards, people, login):
    response = login(people.province).get(reverse("scores:region", args=["16"]))
    assert response.status_code == 200
    up = [c.library.name for c in response.context["went_up"]]
    down = [c.library.name for c in response.context["went_down"]]
    assert up == ["Perpustakaan Desa Air Batu"]
    assert down == ["Perpustakaan Daerah Banyuasin"]


def test_counts_and_regions_below(cards, people, login):
    response = login(people.province).get(reverse("scores:region", args=["16"]))
    assert response.context["counts"] == {"green": 1, "yellow": 2, "red": 1, "total": 4}
    rows = {row["code"]: row for row in response.context["rows"]}
    assert rows["16.07"]["green"] == 1 and rows["16.07"]["red"] == 1
    assert rows["16.07"]["yellow"] == 1
    assert rows["16.71"]["yellow"] == 1
    assert reverse("scores:region", args=["16.07"]) in response.text


def test_the_nation_sees_every_province(cards, people, login):
    response = login(people.admin).get(reverse("scores:nation"))
    assert {row["code"] for row in response.context["rows"]} == {"12", "16"}
    assert response.context["counts"]["total"] == 5


def test_an_earlier_quarter_is_chosen_by_address(cards, people, login):
    response = login(people.province).get(
        reverse("scores:region", args=["16"]) + "?triwulan=2026-Q2"
    )
    assert response.context["counts"] == {"green": 1, "yellow": 1, "red": 1, "total": 3}


@pytest.mark.parametrize("asked", ["2026-Q4", "2026-Q9", "abc", "9999-Q1", "2026-Q3%00"])
def test_an_odd_or_future_quarter_shows_the_last_complete(cards, people, login, asked):
    response = login(people.province).get(
        reverse("scores:region", args=["16"]), {"triwulan": asked}
    )
    assert response.status_code == 200
    assert response.context["quarter"] == Q3


def test_a_region_lists_its_libraries_with_their_colours(cards, people, login):
    response = login(people.regency).get(reverse("scores:region", args=["16.07"]))
    assert "Perpustakaan Desa Tetap" in response.text
    assert "Perpustakaan Kelurahan Tiga-puluh-lima Ilir" not in response.text


def test_the_place_page_takes_a_fixed_number_of_queries(cards, people, login):
    client = login(people.province)
    url = reverse("scores:region", args=["16"])
    client.get(url)
    with captured_queries() as few:
        client.get(url)
    for _n in range(5):
        card(LibraryFactory(region=cards.regions["16.07.10.1002"]), Q3, 70, "yellow")
    with captured_queries() as more:
        client.get(url)
    assert len(more) == len(few)


def test_the_library_and_dashboard_pages_show_the_colour(cards, people, login):
    client = login(people.regency)
    library = cards.air_batu
    text = client.get(reverse("libraries:detail", args=[library.pk])).text
    assert "kpi-green" in text and reverse("scores:library", args=[library.pk]) in text
    text = client.get(reverse("monitoring:library", args=[library.pk])).text
    assert "kpi-green" in text
    text = client.get(reverse("monitoring:region", args=["16.07"])).text
    assert "kpi-counts" in text and reverse("scores:region", args=["16.07"]) in text


def test_the_start_page_goes_to_ones_place(cards, people, login):
    assert login(people.admin).get(reverse("scores:index")).url == reverse("scores:nation")
    assert login(people.regency).get(reverse("scores:index")).url == reverse(
        "scores:region", args=["16.07"]
    )
    assert login(people.manager).get(reverse("scores:index")).url == reverse(
        "scores:library", args=[cards.air_batu.pk]
    )
    assert login(people.nobody).get(reverse("scores:index")).status_code == 403


def test_outside_the_scope_is_404(cards, people, login):
    client = login(people.charlie)
    assert client.get(reverse("scores:region", args=["16.07"])).status_code == 404
    assert client.get(reverse("scores:library", args=[cards.air_batu.pk])).status_code == 404
    assert client.get(reverse("scores:nation")).status_code == 404
    assert client.get(reverse("scores:region", args=["99"])).status_code == 404
