"""Journey: on a phone, the regency coordinator works through the activities waiting for
verification: opens the first from the list, verifies it and lands on the next one with one
tap, then sends that one back; a comment of spaces is refused beside the comment box."""

import datetime

import pytest
from django.urls import reverse

from inklusi.activities.models import Review
from inklusi.testing.factories import ActivityFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_coordinator_verifies_and_goes_on_to_the_next(people, libraries, phone_login):
    today = datetime.date.today()
    newer = ActivityFactory(
        library=libraries.air_batu, title="Kelas komputer", starts_on=today - datetime.timedelta(3)
    )
    older = ActivityFactory(
        library=libraries.banyuasin, title="Dongeng anak", starts_on=today - datetime.timedelta(9)
    )
    page = phone_login("banyuasin@example.id")
    page.goto(page.base_url + reverse("activities:list") + "?status=published&review=pending")
    page.click(f"a.title[href='{newer.get_absolute_url()}']")
    page.wait_for_url(page.base_url + newer.get_absolute_url())
    assert page.locator("h1 + p .badge").all_inner_texts() == ["Menunggu verifikasi"]

    page.click("button[name=next]")  # Verifikasi & berikutnya
    page.wait_for_url(page.base_url + older.get_absolute_url())
    newer.refresh_from_db()
    assert newer.review == Review.VERIFIED
    assert page.locator("button[name=next]").count() == 0  # the last one waiting

    page.fill("#id_comment", "   ")
    page.click(".act-send-back button")
    page.wait_for_selector(".act-send-back .error")
    assert page.inner_text(".act-send-back .error") == "Tuliskan apa yang perlu diperbaiki."
    page.fill("#id_comment", "Foto kegiatannya belum ada.")
    page.click(".act-send-back button")
    page.wait_for_selector(".badge-returned")
    older.refresh_from_db()
    assert older.review == Review.RETURNED
    assert older.review_comment == "Foto kegiatannya belum ada."
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
