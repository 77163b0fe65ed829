"""Results on the dashboard (with drill-down), in the brief and on the public pages (n >= 5,
no quotes, no contacts); the library's survey page; paper forms for the own library only."""

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from inklusi.advocacy import brief
from inklusi.monitoring.figures import last_twelve_months
from inklusi.surveys import services
from inklusi.surveys.models import FollowUpContact, Response
from inklusi.testing.factories import ActivityFactory

from .helpers import answer

QUOTE = "Saya akan mengajari tetangga saya"


@pytest.fixture
def surveyed(libraries):
    """Air Batu's activity of this period with `n` answers (one with a quote and a contact)."""

    def make(n):
        activity = ActivityFactory(library=libraries.air_batu, starts_on=last_twelve_months()[-1])
        survey = services.survey_for(activity)
        answer(survey, n=n - 1)
        services.submit(
            survey,
            {"knowledge": 5, "confidence": 5, "application": 5, "awareness": 5, "next_step": QUOTE},
            submission_key=services.new_key(),
            contact={"whatsapp": "6281299998888", "email": "rahasia@example.com"},
        )
        return activity

    return make


def test_dashboard_shows_outcomes_with_drill_down(surveyed, people, login):
    surveyed(3)
    body = login(people.province).get(reverse("monitoring:region", args=["16"])).content.decode()
    assert "outcomes-heading" in body
    assert reverse("monitoring:region", args=["16.07"]) in body  # one level down
    assert QUOTE in body  # quotes are for the people in the programme
    assert "6281299998888" not in body and "rahasia@" not in body


@pytest.mark.parametrize("n,shown", [(4, False), (5, True)])
def test_public_pages_show_aggregates_only_from_five(surveyed, libraries, client, n, shown):
    surveyed(n)
    pages = [
        reverse("public:library", args=[libraries.air_batu.pk]),
        reverse("public:region", args=["16.07"]),
        reverse("public:index"),
    ]
    for url in pages:
        body = client.get(url).content.decode()
        assert ("outcomes-heading" in body) is shown, url
        assert QUOTE not in body
        assert "6281299998888" not in body and "rahasia@" not in body


@pytest.mark.parametrize("n,shown", [(4, False), (5, True)])
def test_brief_shows_outcomes_from_five(surveyed, libraries, n, shown):
    surveyed(n)
    data = brief.brief_data(*brief.library_brief(libraries.air_batu))
    assert data["outcomes"].responses == n
    html = render_to_string(brief.TEMPLATE, data)
    assert ("Apa kata peserta" in html) is shown
    assert "6281299998888" not in html and "rahasia@" not in html


def test_the_library_page_of_the_survey(surveyed, people, login):
    activity = surveyed(2)
    page = login(people.manager).get(reverse("surveys:manage", args=[activity.pk]))
    body = page.content.decode()
    survey = activity.survey
    assert survey.token in body and "<svg" in body and "wa.me" in body
    assert "6281299998888" not in body  # the follow-up is not due yet
    FollowUpContact.objects.update(opens_on=last_twelve_months()[0])
    body = login(people.manager).get(reverse("surveys:manage", args=[activity.pk])).content
    assert b"6281299998888" in body  # due: the manager sends it on WhatsApp
    poster = login(people.manager).get(reverse("surveys:poster", args=[activity.pk]))
    assert poster["Content-Type"] == "application/pdf" and poster.content.startswith(b"%PDF")


def test_paper_forms_only_for_the_own_library(surveyed, libraries, people, login):
    activity = surveyed(1)
    url = reverse("surveys:paper", args=[activity.pk])
    data = {"knowledge": "4", "confidence": "4", "application": "2", "awareness": "5"}
    for who, status in (("viewer", 404), ("charlie", 404), ("manager", 302)):
        assert login(getattr(people, who)).post(url, data).status_code == status, who
    assert Response.objects.filter(source="paper").count() == 1
    other = ActivityFactory(library=libraries.sukajadi)
    assert login(people.manager).get(reverse("surveys:paper", args=[other.pk])).status_code == 404
    close = reverse("surveys:close", args=[activity.pk])
    assert login(people.viewer).post(close).status_code == 404
    login(people.manager).post(close)
    activity.survey.refresh_from_db()
    assert not activity.survey.is_open
