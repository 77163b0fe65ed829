"""The activity page: everything recorded, and the actions the user may take."""

import pytest
from django.urls import reverse

from inklusi.activities import services as activity_services
from inklusi.activities.models import ActivityPhoto, Review, Status
from inklusi.activities.photos import add_photo, prepare_photo
from inklusi.testing.factories import ActivityFactory
from inklusi.testing.photos import jpeg_with_gps, upload


def url(activity):
    return reverse("activities:detail", args=[activity.pk])


@pytest.fixture
def activity(libraries):
    return ActivityFactory(
        library=libraries.air_batu,
        title="Pelatihan menjahit",
        cost=1_500_000,
        funding_source="village",
        instagram_url="https://www.instagram.com/p/abc/",
        participants_low_income=4,
    )


def test_it_works(people, login, activity):
    add_photo(activity, prepare_photo(upload(jpeg_with_gps((64, 48)))), "Menjahit", True)
    add_photo(activity, prepare_photo(upload(jpeg_with_gps((64, 48)))), "", False)
    response = login(people.regency).get(url(activity))
    assert response.status_code == 200
    text = response.text
    assert "Pelatihan menjahit" in text and "Perpustakaan Desa Air Batu" in text
    assert "Rp1,500,000" in text  # English formatting in the tests
    assert "https://www.instagram.com/p/abc/" in text
    assert "From low-income families" in text
    photo = ActivityPhoto.objects.get(caption="Menjahit")
    assert photo.get_thumbnail_url() in text and photo.get_absolute_url() in text
    assert "may be published" in text and "not for publication" in text
    assert activity.get_public_url() in text
    assert reverse("activities:verify", args=[activity.pk]) in text


def test_a_draft_has_no_public_link(people, login, activity):
    activity_services.unpublish(activity, people.admin)
    response = login(people.manager).get(url(activity))
    assert activity.get_public_url() not in response.text
    assert reverse("activities:publish", args=[activity.pk]) in response.text


def test_the_coordinators_comment_is_shown(people, login, activity):
    activity_services.send_back(activity, people.regency, "Tambahkan foto kegiatan.")
    response = login(people.manager).get(url(activity))
    assert "Tambahkan foto kegiatan." in response.text
    assert activity.review == Review.RETURNED and activity.status == Status.DRAFT


def test_manager_may_edit_but_not_verify(people, login, activity):
    text = login(people.manager).get(url(activity)).text
    assert reverse("activities:edit", args=[activity.pk]) in text
    assert reverse("activities:delete", args=[activity.pk]) in text
    assert reverse("activities:verify", args=[activity.pk]) not in text


def test_viewer_sees_no_actions(people, login, activity):
    text = login(people.viewer).get(url(activity)).text
    for name in ("edit", "delete", "unpublish", "verify", "send_back"):
        assert reverse(f"activities:{name}", args=[activity.pk]) not in text


def test_it_checks_scope(people, login, activity):
    assert login(people.charlie).get(url(activity)).status_code == 404


def test_manager_cannot_open_a_neighbour(people, login, libraries):
    other = ActivityFactory(library=libraries.sukajadi)
    assert login(people.manager).get(url(other)).status_code == 404


def test_bad_id_is_404(people, login):
    client = login(people.admin)
    assert client.get(reverse("activities:detail", args=[987654])).status_code == 404
    assert client.get("/kegiatan/99999999999999999999999/").status_code == 404
    assert client.get("/kegiatan/abc/").status_code == 404


def test_wrong_method_is_405(people, login, activity):
    assert login(people.admin).post(url(activity)).status_code == 405
