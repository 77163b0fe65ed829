"""Journey: a village library manager, on a phone, logs in and completes the library profile."""

import pytest
from django.urls import reverse

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_manager_on_phone_edits_library_profile(people, libraries, phone):
    page = phone
    page.goto(page.base_url + reverse("home:home"))
    assert "/akun/masuk/" in page.url

    page.fill("input[name=username]", "Pengelola@Example.id")
    page.fill("input[name=password]", "rahasia-123")
    page.click("main button[type=submit]")
    page.wait_for_url(page.base_url + "/")
    assert "Perpustakaan Desa Air Batu" in page.content()

    page.click(f"a[href='{reverse('libraries:edit', args=[libraries.air_batu.pk])}']")
    # Programme fields belong to the coordinator: shown but not editable for a manager.
    assert page.is_disabled("select[name=status]")

    page.fill("input[name=whatsapp]", "0812 3456 7890")
    page.fill("input[name=latitude]", "99")  # outside Indonesia: refused, nothing lost
    page.fill("input[name=longitude]", "104.6123")
    page.fill("textarea[name=opening_hours]", "Senin–Sabtu 08.00–16.00")
    page.click("main button[type=submit]")
    page.wait_for_selector(".has-error input[name=latitude]")  # the form back from the server
    assert page.locator(".has-error input[name=latitude]").count() == 1
    assert page.input_value("textarea[name=opening_hours]") == "Senin–Sabtu 08.00–16.00"
    assert page.input_value("input[name=whatsapp]") == "0812 3456 7890"

    page.fill("input[name=latitude]", "-2.8712")
    page.click("main button[type=submit]")
    page.wait_for_url(page.base_url + reverse("libraries:detail", args=[libraries.air_batu.pk]))
    assert "+6281234567890" in page.content()
    assert "Senin–Sabtu 08.00–16.00" in page.content()

    # The page fits a 360-px screen: nothing scrolls sideways.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    libraries.air_batu.refresh_from_db()
    assert libraries.air_batu.whatsapp == "6281234567890"
    assert float(libraries.air_batu.latitude) == pytest.approx(-2.8712)
