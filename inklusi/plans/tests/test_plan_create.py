"""Starting a plan: empty, from last year's plan, or from the template; one per year."""

import pytest

from inklusi.plans.models import Plan, State

from .helpers import events, make_plan, messages_of, url


def test_manager_starts_from_the_template(people, login, libraries):
    client = login(people.manager)
    page = client.get(url("create"))
    assert page.status_code == 200
    assert "library" not in page.context["form"].fields  # one library: no question
    response = client.post(
        url("create"),
        {"year": "2027", "start_from": "template", "template_keys": ["digital", "outreach"]},
    )
    plan = Plan.objects.get()
    assert response.status_code == 302
    assert response["Location"] == plan.get_absolute_url()
    assert (plan.library, plan.year, plan.state) == (libraries.air_batu, 2027, State.DRAFT)
    assert plan.activities.count() == 2
    assert [e.kind for e in events(plan)] == ["created"]


def test_coordinator_picks_the_library(people, login, libraries):
    response = login(people.regency).post(
        url("create"), {"library": libraries.sukajadi.pk, "year": "2027", "start_from": "empty"}
    )
    assert response.status_code == 302
    assert Plan.objects.get().library == libraries.sukajadi


def test_from_last_year(people, login, libraries):
    make_plan(libraries.air_batu, year=2026)
    response = login(people.manager).post(url("create"), {"year": "2027", "start_from": "previous"})
    assert response.status_code == 302
    assert Plan.objects.get(year=2027).needs.count() == 2


def test_nothing_to_copy_is_a_form_error(people, login):
    response = login(people.manager).post(url("create"), {"year": "2027", "start_from": "previous"})
    assert response.status_code == 200
    assert response.context["form"].has_error("start_from")
    assert not Plan.objects.exists()


def test_two_plans_for_the_same_year(people, login, libraries):
    make_plan(libraries.air_batu, year=2027)
    response = login(people.manager).post(url("create"), {"year": "2027", "start_from": "empty"})
    assert response.status_code == 200
    assert "already has a plan" in str(response.context["form"].errors["year"])
    assert "nothing was saved" in " ".join(messages_of(response))
    assert Plan.objects.count() == 1


@pytest.mark.parametrize("year", ["1999", "99999999999999999999", "abc", "2027\x00"])
def test_bad_years_are_form_errors(people, login, year):
    response = login(people.manager).post(url("create"), {"year": year, "start_from": "empty"})
    assert response.status_code == 200
    assert response.context["form"].has_error("year")
    assert not Plan.objects.exists()


def test_a_library_outside_the_area_is_refused(people, login, libraries):
    response = login(people.regency).post(
        url("create"), {"library": libraries.kemang_manis.pk, "year": "2027", "start_from": "empty"}
    )
    assert response.status_code == 200
    assert response.context["form"].has_error("library")
    assert not Plan.objects.exists()


def test_it_checks_scope(people, login, libraries):
    chosen = url("create") + f"?library={libraries.air_batu.pk}"
    assert login(people.charlie).get(chosen).status_code == 404
    assert login(people.charlie).get(url("create") + "?library=x").status_code == 404
    assert login(people.charlie).get(url("create") + "?library=x%00").status_code in (400, 404)


def test_read_only_viewer_cannot_start(people, login):
    client = login(people.viewer)
    assert client.get(url("create")).status_code == 403
    assert client.post(url("create"), {"year": "2027", "start_from": "empty"}).status_code == 403
    assert not Plan.objects.exists()


def test_wrong_method_is_405(people, login):
    assert login(people.manager).put(url("create")).status_code == 405
