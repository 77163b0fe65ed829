"""The participant's survey without login: answering once, double submits, bots, a closed
survey, the follow-up contact and its deletion."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from inklusi.activities.models import Category
from inklusi.surveys import services
from inklusi.surveys.models import FollowUpContact, Response, SurveyRegionMonth
from inklusi.testing.factories import ActivityFactory

from .helpers import form_data


@pytest.fixture
def survey(libraries):
    return services.survey_for(ActivityFactory(library=libraries.air_batu))


def _open(client, survey):
    page = client.get(reverse("surveys:answer", args=[survey.token]))
    assert page.status_code == 200
    return page, page.context["key"]


def test_answer_without_login_counts_in_the_summaries(client, survey):
    page, key = _open(client, survey)
    body = page.content.decode()
    assert "Seberapa setuju" in body  # Indonesian by default
    assert len(page.content) < 30 * 1024
    done = client.post(reverse("surveys:answer", args=[survey.token]), form_data(key))
    assert done.status_code == 200 and done.context["created"] is True
    response = Response.objects.get()
    assert (response.knowledge, response.source, response.device != "") == (5, "online", True)
    nation = SurveyRegionMonth.objects.get(region_code="")
    assert (nation.responses, nation.knowledge_agree, nation.awareness_agree) == (1, 1, 0)


def test_a_retried_post_and_a_second_answer_from_the_phone_count_once(client, survey):
    _page, key = _open(client, survey)
    url = reverse("surveys:answer", args=[survey.token])
    first = client.post(url, form_data(key))
    again = client.post(url, form_data(key))
    assert first.context["created"] is True and again.context["created"] is False
    # A fresh form from the same phone (cookie) does not count a second time either.
    second = client.post(url, form_data(services.new_key(), knowledge="1"))
    assert second.context["created"] is False
    assert client.get(url).context["created"] is False
    assert Response.objects.count() == 1
    assert SurveyRegionMonth.objects.get(region_code="").responses == 1


def test_the_same_submission_key_from_another_phone_is_the_same_answer(client, survey):
    _page, key = _open(client, survey)
    url = reverse("surveys:answer", args=[survey.token])
    client.post(url, form_data(key))
    client.cookies.clear()
    assert client.post(url, form_data(key)).context["created"] is False
    assert Response.objects.count() == 1


def test_the_honeypot_saves_nothing(client, survey):
    _page, key = _open(client, survey)
    page = client.post(
        reverse("surveys:answer", args=[survey.token]), form_data(key, website="http://spam")
    )
    assert page.status_code == 200
    assert not Response.objects.exists()


def test_the_rate_limit_stops_a_flood(client, survey, settings):
    settings.SURVEY_RATE = (2, 600)
    url = reverse("surveys:answer", args=[survey.token])
    codes = []
    for _ in range(3):
        client.cookies.clear()
        codes.append(client.post(url, form_data(services.new_key())).status_code)
    assert codes == [200, 200, 429]
    assert Response.objects.count() == 2


def test_bad_input_is_a_form_error_not_a_500(client, survey):
    _page, key = _open(client, survey)
    url = reverse("surveys:answer", args=[survey.token])
    for bad in ({"knowledge": "9"}, {"knowledge": "x"}, {"whatsapp": "12"}):
        page = client.post(url, form_data(key, **bad))
        assert page.status_code == 200 and "form" in page.context
    page = client.post(url, form_data(key, whatsapp="0812 3456 7890"))  # without consent
    assert "Centang" in page.content.decode()
    assert not Response.objects.exists()
    assert client.get(reverse("surveys:answer", args=["tidak-ada"])).status_code == 404
    # A mangled form key is replaced: the answer still counts, once.
    assert client.post(url, {**form_data(key), "key": "../\x00"}).context["created"] is True


def test_a_closed_survey_says_so(client, survey, people):
    services.close(survey, _scope(people.manager))
    page = client.get(reverse("surveys:answer", args=[survey.token]))
    assert "Survei ini sudah ditutup" in page.content.decode()
    client.post(reverse("surveys:answer", args=[survey.token]), form_data(services.new_key()))
    assert not Response.objects.exists()


def test_livelihood_activities_ask_about_money(client, libraries):
    economy = Category.objects.get(slug="economy")
    assert economy.livelihood
    survey = services.survey_for(ActivityFactory(library=libraries.air_batu, category=economy))
    _page, key = _open(client, survey)
    url = reverse("surveys:answer", args=[survey.token])
    assert "livelihood" in client.post(url, form_data(key)).context["form"].errors
    client.post(url, form_data(key, livelihood="business"))
    nation = SurveyRegionMonth.objects.get(region_code="")
    assert (nation.livelihood_asked, nation.livelihood_yes) == (1, 1)


def _scope(user):
    from inklusi.accounts.scope import Scope

    return Scope.of(user)


def test_follow_up_journey(client, survey):
    _page, key = _open(client, survey)
    url = reverse("surveys:answer", args=[survey.token])
    client.post(url, form_data(key, email="peserta@example.com", consent="on"))
    contact = FollowUpContact.objects.get()
    assert contact.email == "peserta@example.com"
    # Not before 30 days.
    assert services.sweep_follow_ups() == {"deleted": 0, "sent": 0}
    follow = reverse("surveys:follow_up", args=[contact.token])
    assert "tidak dibuka" in client.get(follow).content.decode()
    later = timezone.localdate() + datetime.timedelta(days=31)
    assert services.sweep_follow_ups(later) == {"deleted": 0, "sent": 1}
    assert services.sweep_follow_ups(later)["sent"] == 0  # claimed once
    assert contact.token in mail.outbox[0].body
    FollowUpContact.objects.update(opens_on=timezone.localdate())
    assert client.post(follow, {"applied": "1"}).status_code == 200
    assert not FollowUpContact.objects.exists()  # deleted with the answer
    assert Response.objects.get().applied is True
    nation = SurveyRegionMonth.objects.get(region_code="")
    assert (nation.followups, nation.applied) == (1, 1)
    assert client.get(follow).status_code == 404


def test_contacts_are_deleted_when_the_window_closes(survey):
    services.submit(
        survey,
        {"knowledge": 4, "confidence": 4, "application": 4, "awareness": 4},
        submission_key=services.new_key(),
        contact={"whatsapp": "6281234567890"},
    )
    late = timezone.localdate() + datetime.timedelta(days=91)
    assert services.sweep_follow_ups(late)["deleted"] == 1
    assert not FollowUpContact.objects.exists()
    assert Response.objects.count() == 1  # the answer stays, without any contact


def test_behind_the_proxy_the_limit_counts_the_forwarded_address(client, survey, settings):
    settings.SURVEY_RATE = (1, 600)
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    url = reverse("surveys:answer", args=[survey.token])
    codes = []
    for address in ("10.0.0.1", "10.0.0.2", "10.0.0.2"):
        client.cookies.clear()
        data = form_data(services.new_key())
        codes.append(client.post(url, data, HTTP_X_FORWARDED_FOR=f"1.2.3.4, {address}").status_code)
    assert codes == [200, 200, 429]
