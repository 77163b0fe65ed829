"""Journey: a participant scans the poster's QR code after a livelihood class and answers the
outcome survey on her 360-px phone without an account, leaving her WhatsApp number for the
follow-up; a month later she opens the follow-up link and says she applied it, and her
number is deleted."""

import pytest
from django.urls import reverse
from django.utils import timezone

from inklusi.activities.models import Category
from inklusi.surveys import services
from inklusi.surveys.models import FollowUpContact, Response, SurveyRegionMonth
from inklusi.testing.factories import ActivityFactory
from inklusi.testing.tap_targets import sideways_scroll, small_tap_targets

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def check_phone_fit(page):
    assert not sideways_scroll(page)
    assert small_tap_targets(page) == []


def test_participant_answers_on_a_phone_and_follows_up(libraries, phone):
    economy = Category.objects.get(slug="economy")
    activity = ActivityFactory(
        library=libraries.air_batu, category=economy, title="Pelatihan keripik singkong"
    )
    survey = services.survey_for(activity)
    url = phone.base_url + reverse("surveys:answer", args=[survey.token])

    phone.goto(url)
    assert "Seberapa setuju Anda?" in phone.content()
    check_phone_fit(phone)
    for name, value in (("knowledge", 5), ("confidence", 4), ("application", 4), ("awareness", 3)):
        phone.check(f"input[name={name}][value='{value}']")
    phone.fill("textarea[name=next_step]", "Menjual keripik di warung")
    phone.check("input[name=livelihood][value=money]")
    phone.fill("input[name=whatsapp]", "0812 3456 7890")
    # Without the consent box the number is refused, and what was typed stays.
    phone.click("button[type=submit]")
    phone.wait_for_selector(".sv-err")
    assert phone.input_value("textarea[name=next_step]") == "Menjual keripik di warung"
    assert not Response.objects.exists()
    phone.check("input[name=consent]")
    phone.click("button[type=submit]")
    phone.wait_for_selector("text=Jawaban Anda tersimpan.")
    check_phone_fit(phone)

    response = Response.objects.get()
    assert (response.knowledge, response.livelihood, response.next_step) == (
        5,
        "money",
        "Menjual keripik di warung",
    )
    contact = FollowUpContact.objects.get()
    assert contact.whatsapp == "6281234567890"
    assert SurveyRegionMonth.objects.get(region_code="").livelihood_yes == 1

    # The same phone opens the link again: its answer counts once.
    phone.goto(url)
    assert "dihitung satu kali" in phone.content()
    assert Response.objects.count() == 1

    # A month later the manager sends the follow-up link on WhatsApp.
    FollowUpContact.objects.update(opens_on=timezone.localdate())
    phone.goto(phone.base_url + reverse("surveys:follow_up", args=[contact.token]))
    check_phone_fit(phone)
    phone.check("input[name=applied][value='1']")
    phone.click("button[type=submit]")
    phone.wait_for_selector("text=Nomor atau e-mail Anda sudah dihapus.")
    assert Response.objects.get().applied is True
    assert not FollowUpContact.objects.exists()
