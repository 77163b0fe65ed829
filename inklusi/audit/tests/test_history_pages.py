"""A record's history page is for those who may change the record (404 for anyone else);
the search of everything at /riwayat/ is the national admin's."""

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from inklusi.plans.tests.helpers import make_plan


def _history(record):
    return reverse("audit:record", args=[record._meta.label_lower, record.pk])


@pytest.fixture
def plan(people, libraries):
    return make_plan(libraries.air_batu, people.manager)


@pytest.mark.parametrize(
    "who, status",
    [
        ("admin", 200),
        ("province", 200),
        ("regency", 200),
        ("manager", 200),
        ("viewer", 404),
        ("charlie", 404),
        ("nobody", 404),
    ],
)
def test_a_plans_history_is_for_those_who_may_change_it(people, plan, login, who, status):
    response = login(getattr(people, who)).get(_history(plan))
    assert response.status_code == status


def test_outsiders_learn_nothing_by_post_either(people, plan, login):
    assert login(people.charlie).post(_history(plan)).status_code in (404, 405)


def test_the_history_shows_the_record_and_its_parts_before_and_after(people, plan, login):
    line = plan.activities.first().lines.first()
    line.item = "Rak buku baru"
    line.save()
    body = login(people.regency).get(_history(plan)).content.decode()
    assert str(plan) in body
    assert "Rak buku baru" in body
    assert line.activity.title in body


def test_unknown_kinds_and_ids_are_404(people, plan, login):
    client = login(people.admin)
    assert client.get(reverse("audit:record", args=["plans.nope", plan.pk])).status_code == 404
    summary = reverse("audit:record", args=["monitoring.librarymonth", 1])
    assert client.get(summary).status_code == 404
    assert client.get(reverse("audit:record", args=["x", 1])).status_code == 404
    assert client.get(reverse("audit:record", args=["plans.plan", 999999])).status_code == 404


def test_a_persons_history_is_for_the_national_admin(people, login):
    url = _history(people.manager)
    assert login(people.admin).get(url).status_code == 200
    assert login(people.regency).get(url).status_code == 404


@pytest.mark.parametrize("who", ["province", "regency", "manager", "viewer", "nobody"])
def test_the_search_is_for_the_national_admin_only(people, login, who):
    assert login(getattr(people, who)).get(reverse("audit:search")).status_code == 403


def test_the_search_filters_by_person_kind_day_and_text(people, libraries, plan, login):
    library = libraries.air_batu
    library.name = "Perpustakaan Cahaya Ilmu"
    library.save()
    LogEntry.objects.filter(object_repr="Perpustakaan Cahaya Ilmu").update(actor=people.regency)
    client = login(people.admin)
    url = reverse("audit:search")

    def shown(**params):
        return client.get(url, params).context["page"].paginator.count

    everything = shown()
    assert everything > 2
    assert shown(model="libraries.library", text="Cahaya") == 1
    assert shown(user="banyuasin@example.id") >= 1
    assert shown(user="tidak-ada@example.id") == 0
    assert shown(since="2000-01-01", until="2000-01-02") == 0
    assert shown(model="nope.nope") == everything  # an unknown choice is ignored, never a 500
    assert shown(since="kemarin") == everything
    assert "Cahaya" in client.get(url, {"text": "Cahaya"}).content.decode()
