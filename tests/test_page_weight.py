"""The phone pages stay light: HTML + CSS + JS of a first load, gzip-compressed, under 150 KB
(the issue's budget for the activity form; the same budget for the other phone forms)."""

import pytest
from django.urls import reverse

from inklusi.activities.models import Category
from inklusi.announcements.tests.helpers import announce
from inklusi.devtools.pageweight import page_weight
from inklusi.questions.tests.helpers import ask
from inklusi.stories.tests.helpers import choose_up_to, make_story
from inklusi.surveys.services import survey_for
from inklusi.testing.factories import ActivityFactory, MonthlyReportFactory

BUDGET = 150 * 1024


@pytest.mark.parametrize(
    "url",
    [
        reverse("activities:create"),
        reverse("reports:create"),
        reverse("home:home"),
        reverse("announcements:list"),
        reverse("questions:create"),
        reverse("questions:faq"),
        reverse("stories:create"),
        reverse("notifications:inbox"),
        reverse("imports:index"),
    ],
)
def test_manager_pages_fit_the_budget(people, login, url):
    weight = page_weight(login(people.manager), url)
    assert weight.compressed < BUDGET, weight.parts


def test_announcement_and_question_pages_fit_the_budget(people, libraries, login):
    """An announcement and a question as their manager opens them."""
    announcement = announce(people.regency, region=libraries.regions["16.07"])
    question = ask(people.manager, libraries.air_batu)
    client = login(people.manager)
    for url in (announcement.get_absolute_url(), question.get_absolute_url()):
        weight = page_weight(client, url)
        assert weight.compressed < BUDGET, weight.parts


def test_public_activity_page_fits_the_budget(libraries, client):
    activity = ActivityFactory(library=libraries.air_batu)
    weight = page_weight(client, activity.get_public_url())
    assert weight.compressed < BUDGET, weight.parts


def test_public_story_page_fits_the_budget(people, libraries, client):
    story = make_story(libraries.air_batu, people.manager)
    choose_up_to(story, ["16.07"], people)
    weight = page_weight(client, reverse("public:story", args=[story.pk]))
    assert weight.compressed < BUDGET, weight.parts


@pytest.mark.parametrize(
    "persona,name,arg",
    [
        ("admin", "monitoring:nation", None),
        ("province", "monitoring:region", "16"),
        ("regency", "monitoring:region", "16.07.10.1002"),
        ("manager", "monitoring:library", "air_batu"),
        ("province", "scores:region", "16"),
        ("manager", "scores:library", "air_batu"),
    ],
)
def test_dashboard_pages_fit_the_budget(people, libraries, login, persona, name, arg):
    """With figures, a library on the map and the attention lists filled."""
    libraries.air_batu.latitude, libraries.air_batu.longitude = -2.885, 104.69
    libraries.air_batu.save()
    MonthlyReportFactory(library=libraries.banyuasin)
    ActivityFactory(library=libraries.air_batu)
    args = [getattr(libraries, arg).pk if arg and arg.isidentifier() else arg] if arg else []
    weight = page_weight(login(getattr(people, persona)), reverse(name, args=args))
    assert weight.compressed < BUDGET, weight.parts


def test_survey_page_is_under_30_kb_uncompressed(libraries, client):
    """The participant's survey, on a slow link: HTML and CSS, no JavaScript, under 30 KB
    before compression, for a livelihood activity (the longest form)."""
    economy = Category.objects.get(slug="economy")
    survey = survey_for(ActivityFactory(library=libraries.air_batu, category=economy))
    weight = page_weight(client, reverse("surveys:answer", args=[survey.token]))
    assert weight.raw < 30 * 1024, weight.parts
    assert not any(name.endswith(".js") for name, _raw, _gz in weight.parts), weight.parts
