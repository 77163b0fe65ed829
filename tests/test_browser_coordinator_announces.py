"""Journey: a regency coordinator posts an announcement to the library managers of the
regency; one manager reads it on a 360-px phone; the coordinator sees who has read it and
reminds the one who has not."""

import pytest
from django.urls import reverse

from inklusi.accounts.models import Role
from inklusi.announcements.models import Announcement, Receipt
from inklusi.notifications.models import Notification
from inklusi.testing.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_coordinator_announces_a_manager_reads_the_other_is_reminded(
    people, libraries, phone, phone_login
):
    other = UserFactory(
        email="sukajadi@example.id",
        full_name="Siti Sukajadi",
        phone="0812 3456 7890",
        role=(Role.LIBRARY_MANAGER, libraries.sukajadi),
    )
    page = phone_login("banyuasin@example.id")
    page.goto(page.base_url + reverse("announcements:create"))
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.fill("input[name=title]", "Laporan Oktober paling lambat tanggal 10")
    page.fill("textarea[name=body]", "Mohon semua perpustakaan desa mengirim laporan bulanan.")
    assert page.input_value("#id_region_code") == "16.07"  # their regency, filled in
    page.check(f"input[name=audience_roles][value={Role.LIBRARY_MANAGER}]")
    page.check("input[name=pinned]")
    page.click("main button[type=submit]")
    announcement = Announcement.objects.get()
    page.wait_for_url(page.base_url + announcement.get_absolute_url())
    assert "2 orang" in page.content()

    # The manager of Air Batu opens Inklusi on the phone: the announcement leads the home page.
    page.context.clear_cookies()
    phone_login("pengelola@example.id")
    first = page.locator(".home-announcements .announcement-item").first
    assert "Baru" in first.inner_text()
    first.locator("a").click()
    page.wait_for_url(page.base_url + announcement.get_absolute_url())
    assert "Mohon semua perpustakaan desa" in page.content()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    # The coordinator sees the receipt and reminds the one who has not read it.
    page.context.clear_cookies()
    phone_login("banyuasin@example.id")
    page.goto(page.base_url + announcement.get_absolute_url())
    assert "1 dari 2 orang" in page.content()
    page.click("text=Siapa yang sudah membaca")
    read = page.locator(".receipt-read")
    unread = page.locator(".receipt-unread")
    assert people.manager.full_name in read.inner_text()
    assert "Siti Sukajadi" in unread.inner_text()
    assert unread.locator("a[href^='https://wa.me/6281234567890']").count() == 1
    page.click("text=Ingatkan yang belum membaca")
    page.wait_for_selector(".msg-success")
    assert "1 orang sudah diingatkan" in page.content()
    assert Receipt.objects.get(user=other).reminded_at is not None
    reminder = Notification.objects.filter(recipient=other, title__startswith="Pengingat")
    assert reminder.count() == 1
    assert not Notification.objects.filter(
        recipient=people.manager, title__startswith="Pengingat"
    ).exists()
