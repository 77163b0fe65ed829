"""Journey: a library manager on a 360-px phone sees the bell's count, which updates without a
reload when a new notification arrives, opens the inbox and follows a notification."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from inklusi.notifications.services import notify

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BADGE = "#notif-badge .notif-count"


def test_manager_on_phone_follows_a_notification(people, libraries, phone, phone_login):
    people.manager.phone = "6281234567890"
    people.manager.save()
    notify([people.manager], "report_due", "Laporan Oktober jatuh tempo hari ini", "/laporan/")
    phone.clock.install()  # the minute's poll comes when the test moves the clock on
    page = phone_login("pengelola@example.id")

    # The bell sits in the top bar beside Menu, visible without opening the menu.
    page.wait_for_selector(BADGE)
    assert page.inner_text(BADGE).startswith("1")
    box = page.locator("#notif-badge").bounding_box()
    assert box["width"] >= 44 and box["height"] >= 44 and box["x"] + box["width"] <= 360

    # A second notification: the next poll shows it, the page is not reloaded.
    page.evaluate("window.stillHere = true")
    notify([people.manager], "announcement", "Rapat koordinasi Jumat", "/")
    page.clock.run_for(61_000)
    # A locator, not a string predicate: the Content-Security-Policy forbids eval.
    expect(page.locator("#notif-badge .notif-count")).to_have_text(re.compile(r"^2"))
    assert page.evaluate("window.stillHere") is True

    page.click("#notif-badge")
    page.wait_for_url(page.base_url + reverse("notifications:inbox"))
    assert page.locator(".notif-unread").count() == 2
    whatsapp = page.locator("a[href^='https://wa.me/6281234567890?text=']").first
    assert "Kirim ke WhatsApp saya" in whatsapp.inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    page.click("text=Laporan Oktober jatuh tempo hari ini")
    page.wait_for_url(page.base_url + reverse("reports:list"))
    page.wait_for_selector(BADGE)
    assert page.inner_text(BADGE).startswith("1")
