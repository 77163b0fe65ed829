"""The advocacy log: meetings of the scope, filtered by counterpart and follow-up state."""

from django.urls import reverse

from inklusi.partners.tests.helpers import days

from .helpers import MeetingFactory

URL = reverse("advocacy:list")


def topics(response):
    return [m.topic for m in response.context["page"]]


def make_meetings(libraries):
    regions = libraries.regions
    MeetingFactory(region=regions["16.07"], topic="APBD", follow_up_on=days(-2), met_on=days(-9))
    MeetingFactory(
        library=libraries.air_batu,
        topic="Dana Desa",
        counterpart_kind="musdes",
        follow_up_on=days(5),
        met_on=days(-8),
    )
    MeetingFactory(region=regions["16.71"], topic="Palembang", follow_up_done=True, met_on=days(-7))


def test_it_works(people, login, libraries):
    make_meetings(libraries)
    response = login(people.admin).get(URL)
    assert response.status_code == 200
    assert topics(response) == ["Palembang", "Dana Desa", "APBD"]


def test_it_filters(people, login, libraries):
    make_meetings(libraries)
    client = login(people.admin)
    assert topics(client.get(URL, {"follow_up": "overdue"})) == ["APBD"]
    assert topics(client.get(URL, {"follow_up": "open"})) == ["Dana Desa", "APBD"]
    assert topics(client.get(URL, {"follow_up": "done"})) == ["Palembang"]
    assert topics(client.get(URL, {"counterpart_kind": "musdes"})) == ["Dana Desa"]
    assert topics(client.get(URL, {"q": "air batu"})) == ["Dana Desa"]
    assert len(topics(client.get(URL, {"follow_up": "nonsense", "page": "x"}))) == 3


def test_it_checks_scope(people, login, libraries):
    make_meetings(libraries)
    assert topics(login(people.regency).get(URL)) == ["Dana Desa", "APBD"]
    assert topics(login(people.manager).get(URL)) == ["Dana Desa"]
    assert topics(login(people.charlie).get(URL)) == ["Palembang"]
    assert login(people.nobody).get(URL).status_code == 403
    assert login(people.viewer).get(URL).status_code == 403


def test_wrong_method_is_405(people, login):
    assert login(people.admin).post(URL).status_code == 405
