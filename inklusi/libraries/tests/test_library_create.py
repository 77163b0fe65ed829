"""Adding a library: coordinators, inside the area they coordinate."""

import pytest
from django.urls import reverse

from inklusi.libraries.models import Library

from .helpers import messages_of, new_library_data, photo

URL = reverse("libraries:create")


def test_it_works(people, login):
    client = login(people.regency)
    assert client.get(URL).status_code == 200
    response = client.post(
        URL,
        new_library_data("16.07.10.1004", name="Perpustakaan Desa Sukajadi II", npp="16 07 05 99"),
    )
    library = Library.objects.get(name="Perpustakaan Desa Sukajadi II")
    assert response.status_code == 302
    assert response["Location"] == library.get_absolute_url()
    assert library.region_id == "16.07.10.1004"
    assert library.npp == "16070599"


@pytest.mark.parametrize("who", ["admin", "province", "regency", "facilitator"])
def test_coordinators_create_in_their_area(people, login, who):
    response = login(getattr(people, who)).post(URL, new_library_data("16.07.10.1002"))
    assert response.status_code == 302
    assert Library.objects.filter(name="Perpustakaan Desa Baru").count() == 1


@pytest.mark.parametrize("who", ["manager", "viewer", "nobody"])
def test_others_may_not_create(people, login, who):
    client = login(getattr(people, who))
    assert client.get(URL).status_code == 403
    assert client.post(URL, new_library_data("16.07.10.1002")).status_code == 403
    assert not Library.objects.filter(name="Perpustakaan Desa Baru").exists()


def test_region_outside_own_area_is_refused(people, login):
    response = login(people.charlie).post(URL, new_library_data("16.07.10.1002"))
    assert response.status_code == 200
    assert response.context["form"].has_error("region")
    assert "outside the area you coordinate" in response.text
    assert not Library.objects.filter(name="Perpustakaan Desa Baru").exists()


def test_unknown_region_code_keeps_what_was_typed(people, login):
    response = login(people.regency).post(
        URL, new_library_data("16.07.10.9999", address="Jl. Lintas Timur Km 12")
    )
    assert response.status_code == 200
    assert "There is no region with code 16.07.10.9999" in response.text
    assert 'value="16.07.10.9999"' in response.text
    assert "Jl. Lintas Timur Km 12" in response.text
    assert not Library.objects.filter(name="Perpustakaan Desa Baru").exists()


def test_a_failed_save_says_nothing_was_saved_and_asks_for_the_photo_again(people, login):
    data = new_library_data("16.07.10.1002", latitude="50", longitude="104.6")
    data["cover_photo"] = photo()
    response = login(people.regency).post(URL, data)
    assert response.status_code == 200
    assert any("nothing was saved" in m for m in messages_of(response))
    assert any("photo again" in m for m in messages_of(response))
    assert (
        not Library.objects.exists()
        or not Library.objects.filter(name="Perpustakaan Desa Baru").exists()
    )


def test_a_cover_photo_is_stored_re_encoded(people, login):
    data = new_library_data("16.07.10.1002")
    data["cover_photo"] = photo("Foto Perpus.PNG", size=(2400, 1200), fmt="PNG")
    response = login(people.regency).post(URL, data)
    assert response.status_code == 302
    library = Library.objects.get(name="Perpustakaan Desa Baru")
    assert library.cover_photo.name.endswith(".jpg")
    assert library.cover_photo.width == 1600


def test_an_empty_post_shows_the_required_fields(people, login):
    response = login(people.regency).post(URL, {})
    assert response.status_code == 200
    assert response.context["form"].has_error("name")
    assert response.context["form"].has_error("region")


def test_wrong_method_is_405(people, login):
    assert login(people.regency).put(URL).status_code == 405


def test_it_needs_login(client, libraries):
    assert client.get(URL).status_code == 302
