"""Creating, editing, seeing trainings: the organiser's scope and who sees what."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from inklusi.testing.factories import LibraryFactory
from inklusi.trainings import services
from inklusi.trainings.models import Training

from .helpers import add_session, make_training, register


@pytest.fixture
def province_library(regions):
    return LibraryFactory(
        name="Perpustakaan Provinsi Sumatera Selatan", kind="province", region=regions["16"]
    )


def form_data(organiser, **changes):
    today = timezone.localdate()
    data = {
        "title": "Bimtek Strategi Pengembangan Perpustakaan dan TIK",
        "organiser": organiser.pk,
        "description": "Daring",
        "goals": "",
        "mode": "online",
        "starts_on": (today + timedelta(days=10)).isoformat(),
        "ends_on": (today + timedelta(days=12)).isoformat(),
        "time_zone": "Asia/Jakarta",
        "venue": "",
        "meeting_url": "https://zoom.us/j/123",
        "meeting_passcode": "abc",
        "quota": "40",
        "registration_closes_on": (today + timedelta(days=8)).isoformat(),
        "audience_regions": ["16.07"],
        "audience_kinds": ["regency", "village"],
        "min_attendance": "75",
        "post_test_required": "on",
    }
    data.update(changes)
    return data


def test_create_works(people, login, libraries, province_library):
    client = login(people.province)
    assert client.get(reverse("trainings:create")).status_code == 200
    response = client.post(reverse("trainings:create"), form_data(province_library))
    assert response.status_code == 302
    training = Training.objects.get()
    assert training.organiser == province_library
    assert list(training.audience_regions.values_list("code", flat=True)) == ["16.07"]
    assert training.audience_kinds == ["regency", "village"]
    assert training.quota == 40


def test_the_organiser_must_be_a_library_office_in_scope(
    people, login, libraries, province_library
):
    client = login(people.regency)
    for organiser in (province_library, libraries.air_batu):
        response = client.post(reverse("trainings:create"), form_data(organiser))
        assert response.context["form"].has_error("organiser")
    response = client.post(
        reverse("trainings:create"), form_data(libraries.banyuasin, audience_regions=["16.71"])
    )
    assert response.context["form"].has_error("audience_regions")
    assert not Training.objects.exists()


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"ends_on": "2000-01-01"}, "ends_on"),
        ({"meeting_url": ""}, "meeting_url"),
        ({"mode": "in_person", "meeting_url": ""}, "venue"),
        ({"quota": "0"}, "quota"),
        ({"quota": "99999999999999999999"}, "quota"),
        ({"min_attendance": "101"}, "min_attendance"),
        ({"time_zone": "Europe/Paris"}, "time_zone"),
        ({"registration_closes_on": "2999-01-01"}, "registration_closes_on"),
        ({"title": "\x00"}, "title"),
    ],
)
def test_bad_input_is_a_form_error(people, login, libraries, changes, field):
    response = login(people.regency).post(
        reverse("trainings:create"), form_data(libraries.banyuasin, **changes)
    )
    assert response.status_code == 200
    assert response.context["form"].has_error(field)
    assert "Some fields need attention" in response.text
    assert not Training.objects.exists()


def test_who_may_create(people, login):
    assert login(people.nobody).get(reverse("trainings:create")).status_code == 403
    assert login(people.viewer).get(reverse("trainings:create")).status_code == 403
    assert login(people.manager).get(reverse("trainings:create")).status_code == 403
    assert login(people.regency).put(reverse("trainings:create")).status_code == 405


def test_edit(people, login, libraries):
    training = make_training(libraries.banyuasin)
    url = reverse("trainings:edit", args=[training.pk])
    assert login(people.regency).get(url).status_code == 200
    response = login(people.regency).post(url, form_data(libraries.banyuasin, title="Baru"))
    assert response.status_code == 302
    training.refresh_from_db()
    assert training.title == "Baru"


def test_charlie_cannot_manage_a_banyuasin_training(people, login, libraries):
    training = make_training(libraries.banyuasin)
    client = login(people.charlie)
    for name in ("edit", "participants", "results", "questions", "session_create"):
        assert client.get(reverse(f"trainings:{name}", args=[training.pk])).status_code == 404
    assert (
        client.post(
            reverse("trainings:edit", args=[training.pk]), form_data(libraries.banyuasin, title="X")
        ).status_code
        == 404
    )
    training.refresh_from_db()
    assert training.title == "Bimtek SPP & TIK"


def test_viewer_cannot_edit(people, login, libraries):
    training = make_training(libraries.banyuasin)
    assert (
        login(people.viewer).get(reverse("trainings:edit", args=[training.pk])).status_code == 404
    )


def test_bad_id_is_404(people, login):
    for name in ("detail", "edit", "participants"):
        assert (
            login(people.admin).get(reverse(f"trainings:{name}", args=[99999])).status_code == 404
        )


def test_who_sees_a_training(people, login, libraries, province_library):
    banyuasin = make_training(libraries.banyuasin)
    province = make_training(province_library, title="Bimtek Provinsi")
    assert login(people.charlie).get(banyuasin.get_absolute_url()).status_code == 404
    # A province training is seen by the regencies of the province, not by Medan.
    assert login(people.charlie).get(province.get_absolute_url()).status_code == 200
    assert login(people.manager).get(province.get_absolute_url()).status_code == 200
    assert login(people.viewer).get(banyuasin.get_absolute_url()).status_code == 200
    assert login(people.nobody).get(banyuasin.get_absolute_url()).status_code == 404
    medan = make_training(libraries.medan, title="Medan")  # organiser kind aside, out of area
    assert login(people.province).get(medan.get_absolute_url()).status_code == 404


def test_a_registered_person_outside_the_area_sees_it(people, login, libraries):
    training = make_training(libraries.banyuasin)
    register(training, people.nobody)
    assert login(people.nobody).get(training.get_absolute_url()).status_code == 200


def test_meeting_link_only_for_participants_and_organisers(people, login, libraries):
    training = make_training(libraries.banyuasin)
    add_session(training, timedelta(days=1))
    assert (
        training.meeting_passcode not in login(people.viewer).get(training.get_absolute_url()).text
    )
    assert training.meeting_url not in login(people.viewer).get(training.get_absolute_url()).text
    page = login(people.regency).get(training.get_absolute_url()).text
    assert "Participants" in page
    register(training, people.manager, libraries.air_batu)
    assert training.meeting_passcode in login(people.manager).get(training.get_absolute_url()).text


def test_list(people, login, libraries, province_library):
    mine = make_training(libraries.banyuasin, title="Terdaftar")
    register(mine, people.manager, libraries.air_batu)
    make_training(province_library, title="Terbuka")
    make_training(libraries.medan, title="Medan")
    response = login(people.manager).get(reverse("trainings:list"))
    assert response.status_code == 200
    assert "Terdaftar" in response.text and "Terbuka" in response.text
    assert "Medan" not in response.text
    assert login(people.manager).post(reverse("trainings:list")).status_code == 405


def test_anonymous_goes_to_login(client, libraries):
    training = make_training(libraries.banyuasin)
    assert client.get(training.get_absolute_url()).status_code == 302


def test_home_snippet_data(people, libraries):
    training = make_training(libraries.banyuasin)
    today = add_session(training, timedelta(minutes=10))
    add_session(training, timedelta(days=1))
    make_training(
        libraries.banyuasin,
        title="Lama",
        starts_on=timezone.localdate() - timedelta(days=30),
        ends_on=timezone.localdate() - timedelta(days=29),
    )
    register(training, people.manager, libraries.air_batu)
    data = services.home_trainings(people.manager)
    assert [r.training for r in data["registrations"]] == [training]
    assert data["sessions_today"] == [today] or today.day != timezone.localdate()
