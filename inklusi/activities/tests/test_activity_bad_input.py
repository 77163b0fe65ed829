"""Odd input answers with a message or a 404, never a server error, and saves nothing."""

import pytest
from django.urls import reverse

from inklusi.activities.models import Activity, ActivityPhoto
from inklusi.activities.photos import add_photo, prepare_photo
from inklusi.testing.factories import ActivityFactory
from inklusi.testing.photos import jpeg_with_gps, upload

from .helpers import activity_data, edit_data

URL = reverse("activities:create")


@pytest.mark.parametrize(
    "changes",
    [
        {"title": "Kelas\x00membaca"},
        {"description": "a\x00b"},
        {"place": "x" * 5000},
        {"participants_female": "9" * 40},
        {"volunteers": "1" * 25},
        {"cost": "9" * 40, "funding_source": "village"},
        {"cost": "\x00"},
        {"category": "9" * 30},
        {"category": "abc"},
        {"starts_on": "2024-02-30"},
        {"starts_on": "\x00"},
        {"funding_source": "bank robbery"},
        {"facebook_url": "javascript:alert(1)"},
        {"library": "9" * 30},
        {"library": "abc"},
        {"library": "\x00"},
    ],
)
def test_odd_values_give_a_form_error(people, login, changes):
    data = activity_data()
    data.update(changes)
    response = login(people.regency).post(URL, data)
    assert response.status_code == 200
    assert response.context["form"].errors
    assert not Activity.objects.exists()


def test_odd_file_names_are_fine(people, login, libraries):
    photo = upload(jpeg_with_gps((64, 48)), name="../../etc/pass\x00wd .jpg")
    response = login(people.manager).post(URL, activity_data(photos=[photo]))
    assert response.status_code == 302
    assert "/etc/" not in ActivityPhoto.objects.get().image.name


def test_an_empty_upload_is_an_error(people, login):
    response = login(people.manager).post(URL, activity_data(photos=[upload(b"", name="a.jpg")]))
    assert response.status_code == 200
    assert response.context["form"].has_error("photos")
    assert not Activity.objects.exists()


@pytest.mark.parametrize("library", ["abc", "9" * 30, "-1"])
def test_odd_library_in_the_address_is_404(people, login, library):
    assert login(people.regency).get(URL, {"library": library}).status_code == 404


def test_nul_in_the_address_is_400(people, login):
    client = login(people.regency)
    assert client.get(reverse("activities:list"), {"q": "a\x00"}).status_code == 400
    assert client.get(URL, {"library": "\x00"}).status_code == 400


@pytest.mark.parametrize(
    "params",
    [{"q": "x" * 500}, {"month": "9" * 40}, {"category": "9" * 30}, {"page": "9" * 30}],
)
def test_odd_filters_never_fail(people, login, params):
    assert login(people.admin).get(reverse("activities:list"), params).status_code == 200


@pytest.fixture
def activity(libraries):
    activity = ActivityFactory(library=libraries.air_batu, title="Kelas membaca")
    add_photo(activity, prepare_photo(upload(jpeg_with_gps((64, 48)))))
    return activity


@pytest.mark.parametrize(
    "changes",
    [
        {"photo-0-id": "abc"},
        {"photo-0-id": "9" * 30},
        {"photo-0-caption": "a\x00b"},
        {"photo-TOTAL_FORMS": "9" * 30},
        {"photo-TOTAL_FORMS": ""},
    ],
)
def test_odd_photo_rows_on_the_edit_page(people, login, activity, changes):
    url = reverse("activities:edit", args=[activity.pk])
    response = login(people.manager).post(url, edit_data(activity, title="Baru", **changes))
    assert response.status_code == 200
    assert Activity.objects.get().title == "Kelas membaca"


def test_a_photo_of_another_activity_cannot_be_changed_or_deleted(
    people, login, activity, libraries
):
    other = ActivityFactory(library=libraries.kemang_manis)
    foreign = add_photo(other, prepare_photo(upload(jpeg_with_gps((64, 48)))), "asli")
    url = reverse("activities:edit", args=[activity.pk])
    data = edit_data(activity, **{"photo-0-id": foreign.pk, "photo-0-caption": "diubah"})
    data["photo-0-DELETE"] = "on"
    assert login(people.manager).post(url, data).status_code == 302  # the row is ignored
    foreign.refresh_from_db()
    assert foreign.caption == "asli"
