import pytest
from django.urls import reverse
from django.utils.translation import gettext


def counts(response):
    return {child.code: child.library_count for child in response.context["children"]}


def library_names(response):
    return [library.name for library in response.context["page"]]


def test_it_works(login, people):
    response = login(people.province).get("/wilayah/16/")

    assert response.status_code == 200
    assert response.context["region"].name == "Sumatera Selatan"
    assert counts(response) == {"16.07": 3, "16.71": 1}
    assert library_names(response) == [
        "Perpustakaan Daerah Banyuasin",
        "Perpustakaan Desa Air Batu",
        "Perpustakaan Desa Sukajadi",
        "Perpustakaan Kelurahan Tiga-puluh-lima Ilir",
    ]
    assert 'href="/wilayah/16.07/"' in response.text


def test_another_regions_coordinator_sees_the_page_but_only_their_libraries(login, people):
    # Charlie coordinates Kota Palembang (16.71), in the same province as Banyuasin.
    response = login(people.charlie).get("/wilayah/16/")

    assert response.status_code == 200
    assert counts(response) == {"16.07": 0, "16.71": 1}
    assert library_names(response) == ["Perpustakaan Kelurahan Tiga-puluh-lima Ilir"]
    assert "Air Batu" not in response.text
    assert "Perpustakaan Daerah Banyuasin" not in response.text


def test_a_library_manager_sees_only_their_library(login, people):
    response = login(people.manager).get("/wilayah/16.07/")

    assert counts(response) == {"16.07.10": 1}
    assert library_names(response) == ["Perpustakaan Desa Air Batu"]


def test_a_village_page_has_no_children_and_says_when_no_library_is_visible(login, people):
    response = login(people.charlie).get("/wilayah/16.07.10.1002/")

    assert response.status_code == 200
    assert response.context["children"] == []
    assert library_names(response) == []
    assert gettext("No library you can see is registered here yet.") in response.text


def test_the_breadcrumb_lists_the_ancestors(login, people):
    response = login(people.province).get("/wilayah/16.07.10.1002/")

    assert [r.code for r in response.context["ancestors"]] == ["16", "16.07", "16.07.10"]


def test_an_unknown_code_is_404(login, people):
    assert login(people.admin).get("/wilayah/99.99/").status_code == 404


@pytest.mark.django_db
def test_it_needs_a_login(client, regions):
    response = client.get("/wilayah/16/")

    assert response.status_code == 302
    assert "/akun/masuk/" in response["Location"]


def test_index_puts_the_users_own_area_first(people, login):
    response = login(people.regency).get(reverse("regions:index"))
    assert [r.code for r in response.context["own_regions"]] == ["16.07"]
    assert len(response.context["provinces"]) == 2  # the test tree holds two provinces
