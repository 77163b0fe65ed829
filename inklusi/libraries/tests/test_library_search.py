from django.urls import reverse

URL = reverse("libraries:search")


def test_it_finds_libraries_by_name(people, libraries, login):
    response = login(people.regency).get(URL, {"q": "sukajadi"})
    assert response.status_code == 200
    assert f'data-pick-value="{libraries.sukajadi.pk}"' in response.text


def test_it_checks_scope(people, libraries, login):
    response = login(people.charlie).get(URL, {"q": "air batu"})
    assert response.status_code == 200
    assert "Air Batu" not in response.text
    assert "Tidak ada perpustakaan" in response.text or "No library" in response.text


def test_it_needs_two_letters(people, libraries, login):
    response = login(people.admin).get(URL, {"q": "a"})
    assert "data-pick-value" not in response.text


def test_it_needs_login(client, db):
    assert client.get(URL, {"q": "air"}).status_code == 302


def test_wrong_method_is_405(people, login):
    assert login(people.admin).post(URL, {"q": "air"}).status_code == 405


def test_search_asks_a_fixed_number_of_queries(
    people, login, libraries, django_assert_max_num_queries
):
    from inklusi.testing.factories import LibraryFactory

    for n in range(8):
        LibraryFactory(
            name=f"Perpustakaan Desa Cari {n}", region=libraries.regions["16.07.10.1004"]
        )
    client = login(people.regency)
    with django_assert_max_num_queries(6):
        response = client.get(reverse("libraries:search"), {"q": "cari"})
    assert response.text.count("data-pick-value") == 8
