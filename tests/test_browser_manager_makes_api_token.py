"""Journey: a manager, on a phone, makes a read-only API token from the profile, uses it, and
revokes it."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from inklusi.testing.tap_targets import sideways_scroll, small_tap_targets

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_manager_makes_uses_and_revokes_a_token(people, libraries, phone_login):
    page = phone_login("pengelola@example.id")
    page.goto(page.base_url + reverse("accounts:profile"))
    page.click(f"a[href='{reverse('api:tokens')}']")
    page.fill("input[name=name]", "Power BI")
    page.click("main form button[type=submit]")
    raw = page.inner_text(".token-text")
    assert raw.startswith("ink_")
    assert small_tap_targets(page) == [] and not sideways_scroll(page)
    page.screenshot(path="/tmp/api-token-phone.png", full_page=True)

    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert api.get("/api/v1/libraries/").status_code == 200

    page.click("main li form button[type=submit]")
    page.wait_for_selector("text=dicabut")
    assert api.get("/api/v1/libraries/").status_code == 401
