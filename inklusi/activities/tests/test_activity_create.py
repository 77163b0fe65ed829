"""Recording an activity: a library's manager for their library, coordinators in their area."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from inklusi.activities.models import Activity, Review, Status
from inklusi.testing.queries import captured_queries

from .helpers import activity_data, messages_of

URL = reverse("activities:create")


def test_manager_records_for_their_one_library(people, login, libraries):
    client = login(people.manager)
    page = client.get(URL)
    assert page.status_code == 200
    assert 'name="library"' not in page.text  # no picker: the library is known
    assert "Perpustakaan Desa Air Batu" in page.text
    response = client.post(URL, activity_data())
    activity = Activity.objects.get(title="Dongeng bersama")
    assert response.status_code == 302
    assert response["Location"] == activity.get_absolute_url()
    assert activity.library == libraries.air_batu
    assert activity.created_by == people.manager
    assert activity.status == Status.DRAFT
    assert activity.review == Review.PENDING
    assert activity.participants_total == 20
    assert "saved as a draft" in messages_of(client.get(response["Location"]))[0]


def test_publish_button_publishes(people, login):
    login(people.manager).post(URL, activity_data(action="publish"))
    activity = Activity.objects.get(title="Dongeng bersama")
    assert activity.status == Status.PUBLISHED
    assert activity.published_at is not None


@pytest.mark.parametrize("who", ["admin", "province", "regency", "facilitator"])
def test_coordinators_pick_a_library_in_their_area(people, login, libraries, who):
    client = login(getattr(people, who))
    assert 'name="library"' in client.get(URL).text
    response = client.post(URL, activity_data(libraries.sukajadi))
    assert response.status_code == 302
    assert Activity.objects.get().library == libraries.sukajadi


def test_the_library_can_come_from_the_address(people, login, libraries):
    response = login(people.regency).get(URL, {"library": libraries.sukajadi.pk})
    assert response.context["form"]["library"].value() == libraries.sukajadi.pk


def test_charlie_cannot_record_for_a_banyuasin_library(people, login, libraries):
    client = login(people.charlie)
    assert client.get(URL, {"library": libraries.air_batu.pk}).status_code == 404
    response = client.post(URL, activity_data(libraries.air_batu))
    assert response.status_code == 200
    assert response.context["form"].has_error("library")
    assert not Activity.objects.exists()


def test_manager_cannot_record_for_a_neighbour(people, login, libraries):
    response = login(people.manager).post(URL, activity_data(libraries.sukajadi))
    assert response.status_code == 302
    assert Activity.objects.get().library == libraries.air_batu  # the posted id is ignored


@pytest.mark.parametrize("who", ["viewer", "nobody"])
def test_who_may_change_nothing_may_not_record(people, login, who):
    """A read-only role never records activities: the page itself is not for them (403)."""
    client = login(getattr(people, who))
    assert client.get(URL).status_code == 403
    assert client.post(URL, activity_data()).status_code == 403
    assert not Activity.objects.exists()


def test_indonesian_thousands_dots_in_the_cost(people, login):
    login(people.manager).post(URL, activity_data(cost="Rp 1.500.000", funding_source="village"))
    assert Activity.objects.get().cost == 1_500_000


def test_an_error_keeps_what_was_typed_and_saves_nothing(people, login):
    data = activity_data(participants_disability="30", outcome="Anak-anak senang")
    response = login(people.manager).post(URL, data)
    assert response.status_code == 200
    assert response.context["form"].has_error("participants_disability")
    assert "Dongeng bersama" in response.text and "Anak-anak senang" in response.text
    assert "nothing was saved" in messages_of(response)[0]
    assert not Activity.objects.exists()


def test_a_folded_section_opens_when_it_holds_an_error_or_a_value(people, login):
    client = login(people.manager)
    form = client.get(URL).context["form"]
    assert not any(form.open_sections.values())
    form = client.post(URL, activity_data(cost="abc", outcome="Baik")).context["form"]
    assert form.open_sections == {
        "inclusion": False,
        "money": True,
        "result": True,
        "social": False,
    }


def test_inactive_categories_are_not_offered(people, login):
    from inklusi.activities.models import Category

    Category.objects.filter(slug="literacy").update(is_active=False)
    response = login(people.manager).post(URL, activity_data())
    assert response.context["form"].has_error("category")


def test_counts_are_small_numeric_boxes(people, login):
    text = login(people.manager).get(URL).text
    assert 'name="participants_female"' in text
    assert text.count('inputmode="numeric"') >= 11
    assert 'type="file" name="photos"' in text and "multiple" in text


def test_wrong_method_is_405(people, login):
    assert login(people.manager).put(URL).status_code == 405


def test_it_needs_login(client, libraries):
    assert client.get(URL).status_code == 302


def test_create_and_publish_refreshes_the_summaries_once(people, login):
    """Publishing on save is one save and one refresh of the library's summaries, so it costs
    a draft's queries and the few more a published activity's rows need (42 against 24, with
    two refreshes, when signals reacted to each save)."""
    client = login(people.manager)
    counts = {}
    for action in ("draft", "publish"):
        with captured_queries() as captured:
            client.post(URL, activity_data(title=action, action=action))
        assert captured.summary_refreshes == 1
        counts[action] = len(captured)
    # 23, one for the audit entry and one for the outcome surveys' check of the library.
    assert counts["draft"] <= 25
    assert counts["publish"] <= counts["draft"] + 2
    assert Activity.objects.get(title="publish").status == Status.PUBLISHED


def test_the_date_starts_as_today_in_jakarta(people, login, monkeypatch):
    """Most activities are recorded on the day; 20:00 UTC is already tomorrow in Jakarta."""
    evening_utc = datetime.datetime(2026, 3, 1, 20, 0, tzinfo=datetime.UTC)
    monkeypatch.setattr(timezone, "now", lambda: evening_utc)
    page = login(people.manager).get(URL).text
    assert 'name="starts_on" value="2026-03-02"' in page
