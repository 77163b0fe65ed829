"""The Most Significant Change chain: regency, then province among the regencies' picks, then
the nation among the provinces'; each level keeps its reason, and nobody chooses outside their
area (a regency cannot choose another regency's story: 404)."""

import pytest
from django.urls import reverse

from inklusi.stories.models import Level, Selection

from .helpers import Q3, choose_up_to, make_story


def choose_url(code, story):
    return reverse("stories:choose", args=[code, story.pk])


@pytest.fixture
def stories(libraries, people):
    return {
        "air_batu": make_story(libraries.air_batu, people.manager, who="Seorang petani karet"),
        "sukajadi": make_story(libraries.sukajadi, people.regency, who="Seorang pemuda desa"),
        "palembang": make_story(libraries.kemang_manis, people.charlie, who="Seorang kader"),
        "medan": make_story(libraries.medan, people.admin, who="Seorang nelayan"),
    }


def test_a_story_falls_in_the_quarter_it_was_recorded_in(stories):
    assert stories["air_batu"].quarter == Q3


def test_three_levels_each_choose_with_a_reason(people, login, stories):
    story = stories["air_batu"]
    # The regency chooses among its libraries' stories.
    page = login(people.regency).get(
        reverse("stories:selection", args=["16.07"]), {"kuartal": "2026-Q3"}
    )
    assert story.who in page.text and stories["palembang"].who not in page.text
    response = login(people.regency).post(choose_url("16.07", story), {"reason": "Berani berubah."})
    assert response.status_code == 302
    # The province sees only the regencies' picks.
    page = login(people.province).get(
        reverse("stories:selection", args=["16"]), {"kuartal": "2026-Q3"}
    )
    assert story.who in page.text and stories["sukajadi"].who not in page.text
    login(people.province).post(choose_url("16", story), {"reason": "Teladan provinsi."})
    # The nation sees the provinces' picks.
    page = login(people.admin).get(
        reverse("stories:selection", args=["nasional"]), {"kuartal": "2026-Q3"}
    )
    assert story.who in page.text and stories["medan"].who not in page.text
    login(people.admin).post(choose_url("nasional", story), {"reason": "Cerita tahun ini."})

    picks = {s.level: (s.region_id, s.reason) for s in story.selections.all()}
    assert picks == {
        Level.REGENCY: ("16.07", "Berani berubah."),
        Level.PROVINCE: ("16", "Teladan provinsi."),
        Level.NATION: (None, "Cerita tahun ini."),
    }
    detail = login(people.manager).get(story.get_absolute_url())
    for reason in ("Berani berubah.", "Teladan provinsi.", "Cerita tahun ini."):
        assert reason in detail.text


def test_a_regency_cannot_choose_another_regencys_story(people, login, stories):
    client = login(people.regency)
    # Another regency's story through one's own place, and another regency's place.
    assert (
        client.post(choose_url("16.07", stories["palembang"]), {"reason": "x"}).status_code == 404
    )
    assert (
        client.post(choose_url("16.71", stories["palembang"]), {"reason": "x"}).status_code == 404
    )
    assert client.get(reverse("stories:selection", args=["16.71"])).status_code == 404
    assert not Selection.objects.exists()


def test_a_level_chooses_only_among_the_picks_below(people, login, stories):
    # Not chosen by its regency yet: not the province's to choose, nor the nation's.
    story = stories["air_batu"]
    assert login(people.province).post(choose_url("16", story), {"reason": "x"}).status_code == 404
    assert (
        login(people.admin).post(choose_url("nasional", story), {"reason": "x"}).status_code == 404
    )
    # A province coordinator never chooses for the nation.
    choose_up_to(story, ["16.07", "16"], people)
    assert (
        login(people.province).post(choose_url("nasional", story), {"reason": "x"}).status_code
        == 403
    )
    assert story.selections.count() == 2


def test_who_may_open_the_selection(people, login):
    url = reverse("stories:selection", args=["16.07"])
    assert login(people.facilitator).get(url).status_code == 403  # coaches, never chooses
    assert login(people.manager).get(url).status_code == 403
    assert login(people.viewer).get(url).status_code == 403
    assert login(people.charlie).get(url).status_code == 404  # another regency's place
    assert login(people.province).get(url).status_code == 200
    for code in ("16.07.10", "99", "nasional-x", "16.07.10.1002"):
        assert login(people.admin).get(reverse("stories:selection", args=[code])).status_code == 404


def test_a_reason_is_required_and_bad_quarters_fall_back(people, login, stories):
    story = stories["air_batu"]
    client = login(people.regency)
    client.post(choose_url("16.07", story), {"reason": "   "})
    assert not story.selections.exists()
    for quarter in ("2026-Q9", "abc", "99999-Q1", "2026-Q3\x00"):
        response = client.get(reverse("stories:selection", args=["16.07"]), {"kuartal": quarter})
        assert response.status_code in (200, 400)


def test_a_place_chooses_at_most_three_a_quarter(libraries, people, login):
    extra = [
        make_story(libraries.air_batu, people.manager, who=f"Seorang warga {n}") for n in range(4)
    ]
    client = login(people.regency)
    for story in extra:
        client.post(choose_url("16.07", story), {"reason": "Bermakna."})
    assert Selection.objects.filter(level=Level.REGENCY).count() == 3


def test_a_pick_chosen_above_cannot_be_taken_back(people, login, stories):
    story = stories["air_batu"]
    choose_up_to(story, ["16.07", "16"], people)
    client = login(people.regency)
    client.post(reverse("stories:take_back", args=["16.07", story.pk]))
    assert story.selections.filter(level=Level.REGENCY).exists()
    login(people.province).post(reverse("stories:take_back", args=["16", story.pk]))
    client.post(reverse("stories:take_back", args=["16.07", story.pk]))
    assert not story.selections.exists()


def test_a_chosen_story_is_no_longer_changed(people, login, stories):
    story = stories["air_batu"]
    choose_up_to(story, ["16.07"], people)
    response = login(people.manager).post(
        reverse("stories:edit", args=[story.pk]),
        {"domain": "health", "who": "Diubah", "what_changed": "x", "why_it_matters": "y"},
    )
    assert response.status_code == 200
    story.refresh_from_db()
    assert story.who == "Seorang petani karet"


def test_the_person_who_recorded_it_is_told(people, login, stories):
    from inklusi.notifications.models import Notification

    story = stories["air_batu"]
    login(people.regency).post(choose_url("16.07", story), {"reason": "Berani berubah."})
    note = Notification.objects.get(recipient=people.manager)
    assert note.kind == "story_chosen" and note.url == story.get_absolute_url()
    assert "Berani berubah." in note.body
