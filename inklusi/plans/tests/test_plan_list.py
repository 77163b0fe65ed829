"""The list of plans: only those in scope, filtered by state and year."""

from .helpers import make_plan, url


def test_it_works(people, login, libraries):
    make_plan(libraries.air_batu)
    make_plan(libraries.sukajadi, year=2025)
    response = login(people.regency).get(url("list"))
    assert response.status_code == 200
    assert response.context["count"] == 2
    assert login(people.regency).get(url("list") + "?year=2025").context["count"] == 1


def test_it_checks_scope(people, login, libraries):
    make_plan(libraries.air_batu)
    assert login(people.charlie).get(url("list")).context["count"] == 0
    assert login(people.manager).get(url("list")).context["count"] == 1


def test_odd_filters_are_ignored(people, login, libraries):
    make_plan(libraries.air_batu)
    client = login(people.admin)
    response = client.get(url("list") + "?state=nonsense&year=99999999999999&page=-1")
    assert response.status_code == 200
    assert response.context["count"] == 1
    assert client.get(url("list") + "?state=%00").status_code == 400


def test_wrong_method_is_405(people, login):
    assert login(people.manager).post(url("list")).status_code == 405
