"""Writing the draft: background, problems and needs, activities, budget lines; bad input is a
form error and nothing is half saved; out of draft nothing changes."""

import pytest

from inklusi.plans.models import BudgetLine, EventKind, Need, PlanActivity, State

from .helpers import events, make_plan, messages_of, move_to, url


@pytest.fixture
def plan(libraries, people):
    return make_plan(libraries.air_batu, people.manager)


def line_data(**changes):
    data = {
        "item": "Spanduk",
        "quantity": "2",
        "unit": "buah",
        "unit_price": "175.000",
        "source": "village",
    }
    data.update(changes)
    return data


def test_background_is_saved_and_logged(people, login, plan):
    client = login(people.manager)
    assert client.get(url("edit", plan.pk)).status_code == 200
    response = client.post(url("edit", plan.pk), {"background": "Tiga dusun."})
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.background == "Tiga dusun."
    [event] = events(plan, kind=EventKind.CHANGED)
    assert event.changes == [{"field": "background", "old": "", "new": "Tiga dusun."}]


def test_need_is_added_and_changed(people, login, plan):
    client = login(people.manager)
    data = {
        "problem": "Jalan rusak",
        "need": "Layanan keliling",
        "evidence_kind": "meeting",
        "evidence": "Musdus Maret",
    }
    assert client.post(url("need_create", plan.pk), data).status_code == 302
    need = Need.objects.get(problem="Jalan rusak")
    data["problem"] = "Jalan ke dusun rusak"
    assert client.post(url("need_edit", plan.pk, need.pk), data).status_code == 302
    [event] = events(plan, kind=EventKind.CHANGED)
    assert event.changes == [
        {"field": "problem", "old": "Jalan rusak", "new": "Jalan ke dusun rusak"}
    ]


def test_activity_must_answer_a_need_of_this_plan(people, login, plan, libraries):
    other_need = make_plan(libraries.sukajadi).needs.first()
    data = {
        "title": "Pojok baca",
        "target_group": "Anak",
        "target_size": "10",
        "month": "4",
        "person_in_charge": "Bu Siti",
    }
    client = login(people.manager)
    response = client.post(url("activity_create", plan.pk), data)
    assert response.context["form"].has_error("needs")
    response = client.post(url("activity_create", plan.pk), {**data, "needs": [other_need.pk]})
    assert response.context["form"].has_error("needs")
    need = plan.needs.first()
    response = client.post(url("activity_create", plan.pk), {**data, "needs": [need.pk]})
    assert response.status_code == 302
    assert list(PlanActivity.objects.get(title="Pojok baca").needs.all()) == [need]


def test_line_is_added_with_its_total(people, login, plan):
    activity = plan.activities.first()
    response = login(people.manager).post(
        url("line_create", plan.pk, activity.pk), line_data(quantity="2,5", unit_price="Rp 101")
    )
    assert response.status_code == 302
    line = BudgetLine.objects.get(item="Spanduk")
    assert line.total == 253


@pytest.mark.parametrize(
    "changes,field",
    [
        ({"quantity": "-1"}, "quantity"),
        ({"quantity": "0"}, "quantity"),
        ({"quantity": "abc"}, "quantity"),
        ({"quantity": "99999999999999999999"}, "quantity"),
        ({"unit_price": "-5000"}, "unit_price"),
        ({"unit_price": "0"}, "unit_price"),
        ({"unit_price": "99999999999999999999999"}, "unit_price"),
        ({"unit_price": "1,5"}, "unit_price"),
        ({"source": ""}, "source"),
        ({"source": "none"}, "source"),
        ({"item": "Spanduk\x00"}, "item"),
        ({"quantity": "1000000", "unit_price": "9.999.999.999"}, "unit_price"),
    ],
)
def test_bad_lines_are_form_errors(people, login, plan, changes, field):
    activity = plan.activities.first()
    response = login(people.manager).post(
        url("line_create", plan.pk, activity.pk), line_data(**changes)
    )
    assert response.status_code == 200
    assert response.context["form"].has_error(field)
    assert "nothing was saved" in " ".join(messages_of(response))
    assert not BudgetLine.objects.filter(item__startswith="Spanduk").exists()


def test_negative_price_says_so(people, login, plan):
    activity = plan.activities.first()
    response = login(people.manager).post(
        url("line_create", plan.pk, activity.pk), line_data(unit_price="-5000")
    )
    assert "cannot be negative" in str(response.context["form"].errors["unit_price"])


def test_parts_are_removed(people, login, plan):
    client = login(people.manager)
    line = BudgetLine.objects.get(item="Konsumsi")
    assert client.post(url("delete", plan.pk, "line", line.pk)).status_code == 302
    activity = plan.activities.get(title="Pelatihan internet")
    assert client.post(url("delete", plan.pk, "activity", activity.pk)).status_code == 302
    assert plan.totals()["asked"] == 2_250_000
    assert len(events(plan, kind=EventKind.REMOVED)) == 2
    assert client.post(url("delete", plan.pk, "plan", plan.pk)).status_code == 404
    assert client.get(url("delete", plan.pk, "line", line.pk)).status_code == 405


def test_frozen_after_submission(people, login, plan):
    move_to(plan, State.IN_REVIEW, people)
    client = login(people.manager)
    activity = plan.activities.first()
    response = client.post(url("line_create", plan.pk, activity.pk), line_data())
    assert response.status_code == 302
    assert "no longer a draft" in " ".join(messages_of(client.get(response["Location"])))
    need = plan.needs.first()
    client.post(url("delete", plan.pk, "need", need.pk))
    client.post(url("edit", plan.pk), {"background": "Diubah"})
    assert not BudgetLine.objects.filter(item="Spanduk").exists()
    assert Need.objects.filter(pk=need.pk).exists()
    plan.refresh_from_db()
    assert plan.background == ""


def test_another_plans_parts_are_404(people, login, plan, libraries):
    other = make_plan(libraries.air_batu, year=2027)
    need = other.needs.first()
    client = login(people.manager)
    assert client.get(url("need_edit", plan.pk, need.pk)).status_code == 404
    line = other.lines().first()
    assert client.get(url("line_edit", plan.pk, line.activity_id, line.pk)).status_code == 404


def test_it_checks_scope(people, login, plan):
    client = login(people.charlie)
    assert client.get(url("edit", plan.pk)).status_code == 404
    assert client.post(url("need_create", plan.pk), {"problem": "x"}).status_code == 404


def test_read_only_viewer_cannot_edit(people, login, plan):
    client = login(people.viewer)
    activity = plan.activities.first()
    assert client.get(url("activity_edit", plan.pk, activity.pk)).status_code == 404
    assert client.post(url("line_create", plan.pk, activity.pk), line_data()).status_code == 404
    assert not BudgetLine.objects.filter(item="Spanduk").exists()


def test_bad_id_is_404(people, login, plan):
    client = login(people.admin)
    assert client.get(url("edit", 987654)).status_code == 404
    assert client.get(url("need_edit", plan.pk, 987654)).status_code == 404
    assert client.get(url("line_create", plan.pk, 987654)).status_code == 404


def test_wrong_method_is_405(people, login, plan):
    assert login(people.manager).put(url("edit", plan.pk)).status_code == 405
