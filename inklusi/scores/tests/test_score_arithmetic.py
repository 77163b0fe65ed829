"""The score against the hand-computed fixture (helpers.third_quarter), part by part."""

from decimal import Decimal

import pytest

from inklusi.libraries.services import save_library
from inklusi.scores import rules, services
from inklusi.scores.models import LibraryScore

from .helpers import Q3, frozen, third_quarter


@pytest.fixture
def scored(libraries, monkeypatch):
    frozen(monkeypatch)
    third_quarter(libraries.air_batu)
    services.refresh(Q3)
    return LibraryScore.objects.get(library=libraries.air_batu, quarter=Q3)


def test_each_part_is_the_hand_computed_figure(scored):
    assert scored.reporting == Decimal("12.5")
    assert scored.community == Decimal("15.3")
    assert scored.publicity == Decimal("6.0")
    assert scored.partnership == Decimal("17.0")
    assert scored.outcomes == Decimal("5.0")
    assert scored.total == 56
    assert scored.colour == rules.YELLOW


def test_the_explanation_adds_up_to_the_stored_card(scored):
    card = services.score(scored.facts)
    assert card.total == scored.total
    for part in card.parts:
        assert part.shown == getattr(scored, part.key)


def test_the_explanation_names_the_records(scored, libraries):
    card = services.score(scored.facts)
    reporting = [line.text for line in card.part(rules.REPORTING).lines]
    assert len(reporting) == 3
    publicity = card.part(rules.PUBLICITY)
    assert [line.points for line in publicity.lines] == [2, 2, 2, 0]
    partnership = card.part(rules.PARTNERSHIP)
    # The third contribution of the quarter is listed with no points: the cap is two.
    assert [line.points for line in partnership.lines] == [4, 4, 0, 4, 3, 2]


def test_a_month_before_joining_is_not_expected(libraries, monkeypatch):
    import datetime

    frozen(monkeypatch)
    library = libraries.air_batu
    library.joined_on = datetime.date(2026, 9, 12)
    save_library(library)
    facts = services.gather([library], Q3)[library.pk]
    assert [month for month, _state, _id in facts["months"]] == ["2026-09-01"]
    assert services.score(facts).part(rules.REPORTING).points == 0


def test_a_candidate_gets_no_card(libraries, monkeypatch):
    frozen(monkeypatch)
    services.refresh(Q3)
    scored = set(LibraryScore.objects.values_list("library__name", flat=True))
    assert libraries.sukajadi.name not in scored
    assert libraries.air_batu.name in scored


def test_refreshing_twice_writes_one_card_each(libraries, monkeypatch):
    frozen(monkeypatch)
    first = services.refresh(Q3)
    assert services.refresh(Q3) == first
    assert LibraryScore.objects.filter(quarter=Q3).count() == first


def test_enough_survey_answers_give_the_outcome_share(libraries, monkeypatch):
    frozen(monkeypatch)
    facts = services.gather([libraries.air_batu], Q3)[libraries.air_batu.pk]
    facts["survey"] = {"responses": 8, "agree": 0.75}
    assert services.score(facts).part(rules.OUTCOMES).points == Decimal("11.25")
    facts["survey"] = {"responses": 4, "agree": 1.0}
    assert services.score(facts).part(rules.OUTCOMES).points == 0


def test_the_outcome_surveys_give_the_outcomes_part(libraries, monkeypatch):
    """Six people answered: knowledge 5 and confidence 4 agree, application 3 and awareness 2
    do not, so half the outcome answers agree: 15 × 12/24 = 7.5, and the total
    12.5 + 15.33 + 6 + 17 + 7.5 = 58.33 → 58."""
    from inklusi.surveys.services import survey_for
    from inklusi.surveys.tests.helpers import answer

    frozen(monkeypatch)
    held = third_quarter(libraries.air_batu)
    answer(survey_for(held[0]), n=4)
    answer(survey_for(held[1]), n=2)
    services.refresh(Q3)
    card = LibraryScore.objects.get(library=libraries.air_batu, quarter=Q3)
    assert card.facts["survey"] == {"responses": 6, "agree": 0.5}
    assert card.outcomes == Decimal("7.5")
    assert card.total == 58


def test_gathering_takes_the_same_queries_for_more_libraries(libraries, monkeypatch):
    from inklusi.testing.factories import LibraryFactory
    from inklusi.testing.queries import captured_queries

    frozen(monkeypatch)
    third_quarter(libraries.air_batu)
    few = [libraries.air_batu]
    many = few + [LibraryFactory(region=libraries.regions["16.07.10.1004"]) for _ in range(5)]
    with captured_queries() as one:
        services.gather(few, Q3)
    with captured_queries() as six:
        services.gather(many, Q3)
    assert len(six) == len(one) == 6
