"""The library list: filters by region, kind, status and cohort, search, and the scope."""

import pytest
from django.urls import reverse

from inklusi.libraries.models import Kind, Status
from inklusi.testing.factories import LibraryFactory

URL = reverse("libraries:list")
ALL_NAMES = {
    "Perpustakaan Desa Air Batu",
    "Perpustakaan Desa Sukajadi",
    "Perpustakaan Daerah Banyuasin",
    "Perpustakaan Kelurahan Tiga-puluh-lima Ilir",
    "Perpustakaan Kelurahan Pasar Baru",
}


def shown(response):
    return {library.name for library in response.context["page"]}


def test_it_works(people, login):
    response = login(people.admin).get(URL)
    assert response.status_code == 200
    assert shown(response) == ALL_NAMES
    assert response.context["count"] == 5


def test_it_needs_login(client, libraries):
    response = client.get(URL)
    assert response.status_code == 302
    assert "/akun/masuk/" in response["Location"]


def test_it_filters_by_region(people, login):
    response = login(people.admin).get(URL, {"region": "16.07"})
    assert shown(response) == {
        "Perpustakaan Desa Air Batu",
        "Perpustakaan Desa Sukajadi",
        "Perpustakaan Daerah Banyuasin",
    }


def test_region_filter_takes_a_village_code(people, login):
    response = login(people.admin).get(URL, {"region": " 16.07.10.1004 "})
    assert shown(response) == {"Perpustakaan Desa Sukajadi"}


def test_region_filter_does_not_match_a_code_prefix(people, login, libraries):
    # 16.7 is not 16.71: the filter follows the hierarchy, not the text.
    response = login(people.admin).get(URL, {"region": "16.7"})
    assert response.status_code == 200
    assert response.context["filters"].has_error("region")
    assert response.context["count"] == 5  # the unusable filter is ignored, and says why


def test_it_filters_by_kind(people, login):
    response = login(people.admin).get(URL, {"kind": Kind.REGENCY})
    assert shown(response) == {"Perpustakaan Daerah Banyuasin"}


def test_it_filters_by_status(people, login):
    response = login(people.admin).get(URL, {"status": Status.CANDIDATE})
    assert shown(response) == {"Perpustakaan Desa Sukajadi"}


def test_it_filters_by_cohort(people, login, libraries):
    LibraryFactory(
        name="Perpustakaan Desa Angkatan 2023",
        region=libraries.regions["16.07.10.1002"],
        cohort_year=2023,
    )
    response = login(people.admin).get(URL, {"cohort": "2023"})
    assert shown(response) == {"Perpustakaan Desa Angkatan 2023"}


def test_filters_combine(people, login):
    response = login(people.admin).get(
        URL, {"region": "16.07", "kind": Kind.VILLAGE, "status": Status.BENEFICIARY}
    )
    assert shown(response) == {"Perpustakaan Desa Air Batu"}


@pytest.mark.parametrize(
    "text,expected",
    [
        ("air batu", {"Perpustakaan Desa Air Batu"}),
        ("SUKAJADI", {"Perpustakaan Desa Sukajadi"}),
        ("Tiga-puluh", {"Perpustakaan Kelurahan Tiga-puluh-lima Ilir"}),
        ("tidak ada", set()),
    ],
)
def test_it_searches_names(people, login, text, expected):
    response = login(people.admin).get(URL, {"q": text})
    assert shown(response) == expected


def test_it_searches_npp(people, login, libraries):
    libraries.sukajadi.npp = "1607052004"
    libraries.sukajadi.save()
    response = login(people.admin).get(URL, {"q": "1607052004"})
    assert shown(response) == {"Perpustakaan Desa Sukajadi"}


@pytest.mark.parametrize(
    "params",
    [
        {"kind": "castle"},
        {"status": "asleep"},
        {"cohort": "abc"},
        {"cohort": "99999999999999999999"},
        {"region": "x" * 40},
        {"region": "16%"},
        {"page": "abc"},
        {"page": "999"},
    ],
)
def test_invalid_filters_are_ignored_and_shown(people, login, params):
    response = login(people.admin).get(URL, params)
    assert response.status_code == 200
    if "page" not in params:
        # The bad filter is ignored (everything listed) and the field tells why.
        assert response.context["count"] == 5
        assert response.context["filters"].errors


def test_unknown_region_code_gets_a_message(people, login):
    response = login(people.admin).get(URL, {"region": "99.99"})
    assert response.status_code == 200
    assert "There is no region with code 99.99" in response.text
    # What was typed stays in the box.
    assert 'value="99.99"' in response.text


def test_it_checks_scope(people, login):
    response = login(people.charlie).get(URL)
    assert shown(response) == {"Perpustakaan Kelurahan Tiga-puluh-lima Ilir"}


def test_a_filter_never_widens_the_scope(people, login):
    response = login(people.charlie).get(URL, {"region": "16.07"})
    assert shown(response) == set()


def test_manager_sees_own_library(people, login):
    response = login(people.manager).get(URL)
    assert shown(response) == {"Perpustakaan Desa Air Batu"}


def test_user_without_role_sees_nothing(people, login):
    response = login(people.nobody).get(URL)
    assert response.status_code == 200
    assert shown(response) == set()


def test_add_button_only_for_those_who_may_create(people, login):
    create = reverse("libraries:create")
    assert create in login(people.regency).get(URL).text
    assert create not in login(people.manager).get(URL).text


def test_wrong_method_is_405(people, login):
    assert login(people.admin).post(URL).status_code == 405
