"""A national admin signs in on a phone with the password, then the authenticator's code."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_national_admin_types_the_code_after_the_password(phone_login, people):
    page = phone_login(people.admin.email)
    assert page.url == page.base_url + "/"
    page.goto(page.base_url + "/riwayat/")
    assert page.locator("h1").inner_text() == "Jejak audit"
