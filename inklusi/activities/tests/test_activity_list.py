"""The list of activities in the user's area, with filters and paging."""

import datetime

import pytest
from django.urls import reverse

from inklusi.activities.models import Category, Review, Status
from inklusi.testing.factories import ActivityFactory

URL = reverse("activities:list")


@pytest.fixture
def activities(libraries):
    return {
        "air_batu": ActivityFactory(library=libraries.air_batu, title="Dongeng Air Batu"),
        "sukajadi": ActivityFactory(
            library=libraries.sukajadi, title="Lokakarya Sukajadi", status=Status.DRAFT
        ),
        "palembang": ActivityFactory(library=libraries.kemang_manis, title="Kelas Palembang"),
    }


def titles(response):
    return [a.title for a in response.context["page"]]


def test_it_works(people, login, activities):
    response = login(people.regency).get(URL)
    assert response.status_code == 200
    assert sorted(titles(response)) == ["Dongeng Air Batu", "Lokakarya Sukajadi"]
    assert "Record an activity" in response.text
    assert "12 participants" in response.text and "0 photos" in response.text


def test_charlie_does_not_see_banyuasin(people, login, activities):
    assert titles(login(people.charlie).get(URL)) == ["Kelas Palembang"]


def test_manager_sees_their_library(people, login, activities):
    assert titles(login(people.manager).get(URL)) == ["Dongeng Air Batu"]


def test_viewer_sees_but_cannot_record(people, login, activities):
    response = login(people.viewer).get(URL)
    assert len(titles(response)) == 2
    assert reverse("activities:create") not in response.text


def test_newest_first(people, login, libraries):
    today = datetime.date.today()
    for days, title in ((30, "Lama"), (2, "Baru"), (10, "Tengah")):
        ActivityFactory(
            library=libraries.air_batu, title=title, starts_on=today - datetime.timedelta(days=days)
        )
    assert titles(login(people.manager).get(URL)) == ["Baru", "Tengah", "Lama"]


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"q": "sukajadi"}, ["Lokakarya Sukajadi"]),
        ({"q": "talang kelapa"}, ["Dongeng Air Batu", "Lokakarya Sukajadi"]),
        ({"q": "Desa Air Batu"}, ["Dongeng Air Batu"]),
        ({"status": "draft"}, ["Lokakarya Sukajadi"]),
        ({"review": "verified"}, []),
        ({"category": "999"}, ["Dongeng Air Batu", "Lokakarya Sukajadi"]),  # invalid: ignored
        ({"month": "2001-01"}, []),
        ({"month": "2001-13"}, ["Dongeng Air Batu", "Lokakarya Sukajadi"]),
    ],
)
def test_filters(people, login, activities, params, expected):
    assert sorted(titles(login(people.regency).get(URL, params))) == expected


def test_filter_by_category_review_and_month(people, login, activities):
    a = activities["air_batu"]
    a.category = Category.objects.get(slug="digital")
    a.review = Review.VERIFIED
    a.save()
    params = {
        "category": a.category_id,
        "review": "verified",
        "month": a.starts_on.strftime("%Y-%m"),
    }
    assert titles(login(people.regency).get(URL, params)) == ["Dongeng Air Batu"]


def test_paging(people, login, libraries):
    ActivityFactory.create_batch(30, library=libraries.air_batu)
    client = login(people.manager)
    assert len(titles(client.get(URL))) == 25
    assert len(titles(client.get(URL, {"page": 2}))) == 5
    assert len(titles(client.get(URL, {"page": "x"}))) == 25


def test_wrong_method_is_405(people, login):
    assert login(people.admin).post(URL).status_code == 405


def test_it_needs_login(client, libraries):
    assert client.get(URL).status_code == 302
