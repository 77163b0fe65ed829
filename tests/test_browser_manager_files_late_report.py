"""Journey: on 28 November a village library manager, on a phone, sees that the October report
is 18 days late, files it from the home page and finds it marked as filed late."""

import datetime

import pytest
from django.test import override_settings
from django.urls import reverse

from inklusi.reports.models import MonthlyReport
from inklusi.testing.clock import freeze_today

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FIGURES = {
    "open_days": "22",
    "visitors_female": "130",
    "visitors_male": "90",
    "new_members": "4",
    "total_members": "150",
    "loans": "75",
    "computer_users": "30",
    "internet_users": "25",
}


@override_settings(REPORT_DUE_DAY=10)
def test_manager_on_phone_files_a_late_report(people, libraries, phone_login, monkeypatch):
    freeze_today(monkeypatch, datetime.date(2026, 11, 28))
    page = phone_login("pengelola@example.id")

    # The menu holds the manager's own work.
    menu = page.locator("#mainnav a").all_inner_texts()
    assert "Perpustakaan saya" in menu
    assert not {"Mitra", "Advokasi", "Wilayah"} & set(menu)

    button = page.get_by_role("link", name="Isi laporan Oktober 2026 — terlambat 18 hari")
    box = button.bounding_box()
    assert box["height"] >= 44
    button.click()
    page.wait_for_selector("input[name=visitors_female]")
    assert page.input_value("input[name=month]") == "2026-10"
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    for name, value in FIGURES.items():
        page.fill(f"input[name={name}]", value)
    page.click("main button[type=submit]")
    page.wait_for_selector(".badge-late")
    report = MonthlyReport.objects.get()
    assert page.url == page.base_url + reverse("reports:detail", args=[report.pk])
    text = page.content()
    assert "Laporan Oktober 2026 telah dikirim." in text
    assert "Masuk terlambat" in text
    assert "dikirim 28 November 2026" in text
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert (report.month, report.visitors_total, report.on_time) == (
        datetime.date(2026, 10, 1),
        220,
        False,
    )

    # Home no longer asks for it; the November report opens on 1 December.
    page.goto(page.base_url + reverse("home:home"))
    assert "Isi laporan" not in page.content()

    # The library's own dashboard: next steps, no call to itself, no −100 %.
    page.goto(page.base_url + reverse("monitoring:index"))
    page.wait_for_selector("#next-steps-heading")
    text = page.content()
    assert "terlambat 18 hari" not in text
    assert "−100" not in text
    assert "wa.me" not in text
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
