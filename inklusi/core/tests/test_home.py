from django.urls import reverse


def test_manager_sees_own_library_and_what_is_missing(people, libraries, login):
    response = login(people.manager).get(reverse("core:home"))
    assert response.status_code == 200
    assert "Perpustakaan Desa Air Batu" in response.text
    assert reverse("libraries:edit", args=[libraries.air_batu.pk]) in response.text
    assert "Perpustakaan Desa Sukajadi" not in response.text


def test_coordinator_sees_counts_and_incomplete_profiles_of_own_area(people, libraries, login):
    response = login(people.regency).get(reverse("core:home"))
    assert response.status_code == 200
    assert response.context["library_total"] == 3  # Air Batu, Sukajadi, the regency library
    names = [lib.name for lib in response.context["incomplete"]]
    assert "Perpustakaan Desa Sukajadi" in names
    assert "Perpustakaan Kelurahan Tiga-puluh-lima Ilir" not in names


def test_user_without_role_is_told_to_ask_for_an_invitation(people, login):
    response = login(people.nobody).get(reverse("core:home"))
    assert response.status_code == 200
    assert response.context["library_total"] == 0
    assert response.context["roles"] == []


def test_health_answers_without_login(client, db):
    assert client.get(reverse("core:health")).content == b"ok"
