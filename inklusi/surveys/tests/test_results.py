"""The survey summary tables follow answers and activity changes, and the results'
arithmetic against hand-computed figures."""

import datetime
import threading
import time
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import connection, transaction

from inklusi.activities import services as activity_services
from inklusi.core import derived
from inklusi.libraries import services as library_services
from inklusi.surveys import results, services, summaries
from inklusi.surveys.models import SurveyMonth, SurveyRegionMonth
from inklusi.testing.factories import ActivityFactory
from inklusi.testing.queries import captured_queries

from .helpers import answer

pytestmark = pytest.mark.django_db

MARCH, APRIL = datetime.date(2025, 3, 1), datetime.date(2025, 4, 1)


def assert_agrees_with_raw():
    assert all(d == (0, 0) for d in summaries.check().values()), summaries.check()


@pytest.fixture
def march(libraries):
    return ActivityFactory(library=libraries.air_batu, starts_on=datetime.date(2025, 3, 8))


def test_shares_by_hand(march, libraries):
    survey = services.survey_for(march)
    # 6 people: knowledge 5,5,4,3,2,1 → 3 of 6 agree (50 %); confidence all 4 → 100 %;
    # application 3 → 0 %; awareness 4 for two of them → 33.3 %.
    for knowledge, awareness in ((5, 4), (5, 4), (4, 1), (3, 1), (2, 1), (1, 1)):
        answer(survey, knowledge=knowledge, confidence=4, application=3, awareness=awareness)
    responses = list(survey.responses.order_by("pk"))
    # Follow-ups: 3 answered, 2 applied → 66.7 %.
    for response, applied in zip(responses, (True, True, False), strict=False):
        contact = response.contact if hasattr(response, "contact") else None
        assert contact is None
        services.answer_follow_up(_contact_for(response), applied)
    outcomes = results.place_outcomes("16.07", MARCH, MARCH)
    assert outcomes.responses == 6
    assert dict(outcomes.shares) == {
        "knowledge": Decimal("50.0"),
        "confidence": Decimal("100.0"),
        "application": Decimal("0.0"),
        "awareness": Decimal("33.3"),
    }
    assert (outcomes.followups, outcomes.applied_share) == (3, Decimal("66.7"))
    assert outcomes.is_public
    # Every level agrees: nation, province, village, the library, the activity.
    for other in (
        results.place_outcomes("", MARCH, MARCH),
        results.place_outcomes(libraries.air_batu.region_id, MARCH, MARCH),
        results.library_outcomes(libraries.air_batu, MARCH, MARCH),
        results.outcome_shares([libraries.air_batu.pk], MARCH, APRIL),
        results.activity_outcomes(march),
    ):
        assert other.figures == outcomes.figures
    assert results.place_outcomes("16.07", APRIL, APRIL).responses == 0
    assert results.place_outcomes("12", MARCH, MARCH).responses == 0
    children = results.child_outcomes("16", MARCH, MARCH)
    assert children["16.07"].responses == 6 and "16.71" not in children
    assert results.child_outcomes("16.07.10", MARCH, MARCH)[libraries.air_batu.region_id]
    assert_agrees_with_raw()


def _contact_for(response):
    from django.utils import timezone

    from inklusi.surveys.models import FollowUpContact

    today = timezone.localdate()
    return FollowUpContact.objects.create(
        response=response, consent_at=timezone.now(), opens_on=today, closes_on=today
    )


def test_four_answers_are_not_public(march):
    answer(services.survey_for(march), n=4)
    assert not results.place_outcomes("16.07", MARCH, MARCH).is_public
    answer(services.survey_for(march), n=1)
    assert results.place_outcomes("16.07", MARCH, MARCH).is_public


def test_one_answer_is_one_insert_and_one_summary_update(march):
    survey = services.survey_for(march)
    survey = type(survey).objects.select_related("activity__library").get(pk=survey.pk)
    with captured_queries() as queries:
        answer(survey)
    # Django logs an executemany as "<n> times: <sql>".
    sqls = [q["sql"].split(": ", 1)[-1] for q in queries.captured_queries]
    statements = [sql.split()[0] for sql in sqls]
    writes = [
        (q["sql"].split()[0], sql.split()[2].strip('"'))
        for q, sql in zip(queries.captured_queries, sqls, strict=True)
        if sql.startswith("INSERT")
    ]
    # The answer; the library's row; the four region rows above it in one executemany
    # (upserts that add); nothing updated or deleted.
    assert writes == [
        ("INSERT", "surveys_response"),
        ("1", "surveys_surveymonth"),
        ("4", "surveys_surveyregionmonth"),
    ]
    assert "UPDATE" not in statements and "DELETE" not in statements
    # Reads: the idempotency checks (submission key, phone).
    assert statements.count("SELECT") <= 3, queries.captured_queries


def test_summaries_follow_an_activity_that_moves(march, libraries, people):
    answer(services.survey_for(march), n=3)
    march.starts_on = datetime.date(2025, 4, 2)
    activity_services.save_activity(march, people.manager, publish=True)
    assert not SurveyRegionMonth.objects.filter(month=MARCH).exclude(responses=0).exists()
    assert SurveyRegionMonth.objects.get(region_code="16.07", month=APRIL).responses == 3
    assert_agrees_with_raw()
    # The library moves to another regency: its answers go with it.
    library = libraries.air_batu
    library.region_id = libraries.kemang_manis.region_id
    library_services.save_library(library)
    assert SurveyRegionMonth.objects.get(region_code="16.07", month=APRIL).responses == 0
    assert SurveyMonth.objects.get(library=library).region_code == library.region_id
    assert_agrees_with_raw()
    # Deleted with its activity.
    activity_services.delete(march, people.admin)
    assert SurveyRegionMonth.objects.get(region_code="", month=APRIL).responses == 0
    assert_agrees_with_raw()


def test_the_summaries_command_checks_survey_tables_too(march, capsys):
    answer(services.survey_for(march), n=2)
    call_command("summaries", "--check")
    assert "surveys_surveyregionmonth" in capsys.readouterr().out
    SurveyRegionMonth.objects.filter(region_code="").update(responses=9)
    with pytest.raises(Exception, match="differ"):
        call_command("summaries", "--check")
    call_command("summaries", "--rebuild")
    assert_agrees_with_raw()


@pytest.mark.django_db(transaction=True)
def test_two_writers_of_one_library_at_once_both_succeed(march, libraries):
    """The load test's one server error: two activities of one library saved at the same
    moment both rewrote its survey rows and the second insert broke the unique key. Its
    refresh now waits for the first writer's commit (PostgreSQL; SQLite writes one at a time)."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite lets one writer in at a time")
    answer(services.survey_for(march), n=2)
    started = threading.Event()

    def write(hold):
        with transaction.atomic():
            with derived.changes():
                derived.touch(libraries.air_batu, [MARCH])
            started.set()
            time.sleep(hold)  # the first holds its new rows, uncommitted, meanwhile

    errors = []

    def second():
        started.wait(10)
        try:
            write(0)
        except Exception as error:  # the test shows it
            errors.append(error)
        finally:
            connection.close()

    thread = threading.Thread(target=second)
    thread.start()
    write(0.5)
    thread.join(30)
    assert errors == []
    assert SurveyMonth.objects.get(library=libraries.air_batu, month=MARCH).responses == 2
    assert_agrees_with_raw()
