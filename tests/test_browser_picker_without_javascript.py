"""The type-ahead picker on a phone: with JavaScript only the search box shows and a picked
village fills the hidden code; without JavaScript only the code box shows, and typing the
code still saves the library."""

import pytest
from django.urls import reverse

from inklusi.libraries.models import Library

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, base_url):
    page.goto(base_url + reverse("accounts:login"))
    page.fill("input[name=username]", "banyuasin@example.id")
    page.fill("input[name=password]", "rahasia-123")
    page.click("main button[type=submit]")
    page.wait_for_url(base_url + "/")


def test_with_javascript_only_the_type_ahead_shows(people, libraries, phone, phone_login):
    page = phone
    phone_login("banyuasin@example.id")
    page.goto(page.base_url + reverse("libraries:create"))
    assert page.is_visible("#id_region")
    assert not page.is_visible("input[name=region]")
    assert not page.is_visible("text=Kode wilayah")
    page.fill("#id_region", "sukajadi")
    page.click("[data-pick-value='16.07.10.1004']")
    assert page.input_value("input[name=region]") == "16.07.10.1004"
    assert not page.is_visible("input[name=region]")


def test_without_javascript_the_code_box_is_the_way_in(people, libraries, chromium, live_server):
    context = chromium.new_context(
        viewport={"width": 360, "height": 740}, is_mobile=True, java_script_enabled=False
    )
    page = context.new_page()
    try:
        log_in(page, live_server.url)
        page.goto(live_server.url + reverse("libraries:create"))
        assert not page.is_visible("#id_region")  # a search box that could not answer
        assert page.is_visible("input[name=region]")
        page.fill("input[name=name]", "Perpustakaan Desa Tanpa Skrip")
        page.select_option("select[name=kind]", "village")
        page.fill("input[name=region]", "16.07.10.1004")
        page.fill("input[name=whatsapp]", "081234567002")
        page.click("main button[type=submit]")
        library = Library.objects.get(name="Perpustakaan Desa Tanpa Skrip")
        page.wait_for_url(live_server.url + library.get_absolute_url())
        assert library.region_id == "16.07.10.1004"
    finally:
        context.close()
