"""Journey: a village library manager, on a phone, registers for a Bimtek from the invitation
link, checks in with the code on the trainer's screen, takes the post-test and downloads her
certificate, whose QR link confirms it is genuine."""

from datetime import timedelta
from io import BytesIO

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from inklusi.trainings.models import Attendance, Certificate, Question, Registration, Session
from inklusi.trainings.tests.helpers import make_training

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def fits(page):
    return page.evaluate("document.documentElement.scrollWidth") <= 360


def test_participant_registers_checks_in_takes_the_post_test_and_gets_a_certificate(
    people, libraries, phone_login
):
    training = make_training(libraries.banyuasin, min_attendance=75)
    start = timezone.now().replace(microsecond=0) - timedelta(minutes=5)
    session = Session.objects.create(
        training=training,
        topic="Strategi pengembangan perpustakaan",
        trainer="Cicih (Master Trainer)",
        starts_at=start,
        ends_at=start + timedelta(hours=2),
    )
    for position, correct in enumerate([1, 0], start=1):
        Question.objects.create(
            training=training,
            position=position,
            text=f"Pertanyaan {position}",
            options=["Satu", "Dua", "Tiga"],
            correct=correct,
        )
    page = phone_login("pengelola@example.id")

    # The invitation link, as shared on WhatsApp.
    page.goto(page.base_url + reverse("trainings:register", args=[training.invite_token]))
    assert fits(page)
    page.click("main form button[type=submit]")
    page.wait_for_url(page.base_url + training.get_absolute_url())
    registration = Registration.objects.get()
    assert registration.library == libraries.air_batu
    assert training.meeting_passcode in page.content()  # now she may see it
    assert fits(page)

    # A wrong code is refused and kept for correcting; the right one checks her in.
    page.click(f"a[href='{reverse('trainings:check_in', args=[training.pk])}']")
    page.fill("input[name=code]", "XXXXXX")
    page.click("main form button[type=submit]")
    page.wait_for_selector(".has-error input[name=code]")  # the form back from the server
    assert page.locator(".has-error input[name=code]").count() == 1
    assert not Attendance.objects.exists()
    page.fill("input[name=code]", session.check_in_code.lower())
    page.click("main form button[type=submit]")
    page.wait_for_url(page.base_url + training.get_absolute_url())
    assert Attendance.objects.get().registration == registration

    # The post-test: one right answer, one wrong.
    page.click(f"a[href='{reverse('trainings:test', args=[training.pk, 'akhir'])}']")
    page.wait_for_url(page.base_url + reverse("trainings:test", args=[training.pk, "akhir"]))
    assert fits(page)
    page.locator("fieldset").nth(0).locator("label").nth(1).click()
    page.locator("fieldset").nth(1).locator("label").nth(2).click()
    page.click("main form button[type=submit]")
    page.wait_for_url(page.base_url + training.get_absolute_url())
    assert registration.answer_sheets.get().score == 50

    # The certificate.
    with page.expect_download() as download:
        page.click(f"a[href='{reverse('trainings:my_certificate', args=[training.pk])}']")
    pdf = PdfReader(BytesIO(open(download.value.path(), "rb").read()))
    certificate = Certificate.objects.get()
    text = pdf.pages[0].extract_text()
    assert people.manager.full_name in text and certificate.number in text

    # Anyone following the QR code sees it is genuine, without logging in.
    page.context.clear_cookies()
    page.goto(page.base_url + certificate.get_absolute_url())
    assert people.manager.full_name in page.content()
    assert fits(page)
