import pytest
from django.utils.translation import gettext

from inklusi.regions.models import Region
from inklusi.testing.factories import make_region

URL = "/wilayah/cari/"


@pytest.fixture
def searchable(regions):
    """The test tree plus a village whose name contains "Sukajadi" without starting with it,
    with `search_text` as the loader writes it (name, district, regency, province)."""
    make_region("16.07.10.2005", "Talang Sukajadi")
    Region.objects.all().refresh_search_text()


def names(client, **params):
    response = client.get(URL, {"format": "json", **params})
    assert response.status_code == 200
    return [row["name"] for row in response.json()["results"]]


def test_it_works(client, searchable):
    response = client.get(URL, {"q": "air batu"})

    assert response.status_code == 200
    assert b'data-pick-value="16.07.10.1002"' in response.content
    assert "Air Batu" in response.content.decode()


def test_it_answers_json_with_the_place_around_each_village(client, searchable):
    response = client.get(URL, {"q": "sukajadi", "format": "json"})

    assert response.json()["results"][0] == {
        "code": "16.07.10.1004",
        "name": "Sukajadi",
        "context": "Talang Kelapa, Kabupaten Banyuasin",
    }


def test_it_needs_two_letters(client, searchable):
    assert names(client, q="a") == []
    assert names(client, q=" a ") == []
    assert names(client, q="ai") == ["Air Batu"]
    assert gettext("No region found with that name.") not in client.get(URL, {"q": "a"}).text


def test_more_words_narrow_by_district_regency_or_province(client, searchable):
    assert names(client, q="air batu banyuasin") == ["Air Batu"]
    assert names(client, q="batu talang sumatera") == ["Air Batu"]
    assert names(client, q="air batu medan") == []
    assert names(client, q="lima palembang") == ["Tiga-puluh-lima Ilir"]


def test_villages_whose_name_starts_with_the_word_come_first(client, searchable):
    assert names(client, q="sukajadi") == ["Sukajadi", "Talang Sukajadi"]
    assert names(client, q="SUKA") == ["Sukajadi", "Talang Sukajadi"]


def test_it_lists_villages_unless_asked_for_other_levels(client, searchable):
    # "talang" is in the villages' district name, so villages of Talang Kelapa come up ...
    assert names(client, q="talang") == ["Talang Sukajadi", "Air Batu", "Sukajadi"]
    # ... and asking for districts finds the district itself.
    assert names(client, q="talang", level="3") == ["Talang Kelapa"]
    assert names(client, q="banyuasin", level=["2", "3"]) == [
        "Kabupaten Banyuasin",
        "Talang Kelapa",
    ]
    assert names(client, q="banyuasin", level="9") == names(client, q="banyuasin")


@pytest.mark.parametrize(
    "text",
    [
        "%%",
        "__",
        "a_r b%tu",
        "'; DROP TABLE regions_region; --",
        "<script>alert(1)</script>",
        "\\\\",
        "ai" * 5_000,
        "xq " * 3_000,
        "désa ñ 日本",
        "\x01\x02",
    ],
)
def test_garbage_and_very_long_input_answer_an_empty_list(client, searchable, text):
    response = client.get(URL, {"q": text, "level": ["x", "4"]})

    assert response.status_code == 200
    assert b"<script>" not in response.content
    assert names(client, q=text) == []


def test_a_nul_character_is_a_bad_request(client, searchable):
    assert client.get(URL, {"q": "ab\x00"}).status_code == 400


def test_it_says_so_when_nothing_matches(client, searchable):
    response = client.get(URL, {"q": "xqzw"})

    assert response.status_code == 200
    assert gettext("No region found with that name.") in response.content.decode()


def test_it_links_to_region_pages_when_asked(client, searchable):
    response = client.get(URL, {"q": "sukajadi", "link": "1"})

    assert 'href="/wilayah/16.07.10.1004/"' in response.content.decode()
