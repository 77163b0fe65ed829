"""Journey: a regency coordinator registers a village library, picking its village by name,
then downloads the filtered list as XLSX."""

from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from inklusi.libraries.models import Library

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_coordinator_adds_a_village_library_and_exports_the_list(
    people, libraries, phone, phone_login
):
    page = phone
    phone_login("banyuasin@example.id")
    page.goto(page.base_url + reverse("libraries:create"))

    page.fill("input[name=name]", "Perpustakaan Desa Sukajadi Baru")
    page.select_option("select[name=kind]", "village")
    page.fill("#id_region", "sukajadi")
    page.click("[data-pick-value='16.07.10.1004']")  # the type-ahead answered
    assert page.input_value("input[name=region]") == "16.07.10.1004"
    assert "Sukajadi" in page.inner_text(".picker-chosen")
    page.fill("input[name=whatsapp]", "081234567001")
    page.click("main button[type=submit]")

    library = Library.objects.get(name="Perpustakaan Desa Sukajadi Baru")
    page.wait_for_url(page.base_url + library.get_absolute_url())
    assert library.region_id == "16.07.10.1004"
    assert library.whatsapp == "6281234567001"

    page.goto(page.base_url + reverse("libraries:list") + "?q=Sukajadi")
    with page.expect_download() as download_info:
        page.click(f"a[href^='{reverse('libraries:export', args=['xlsx'])}']")
    sheet = load_workbook(BytesIO(open(download_info.value.path(), "rb").read())).active
    names = [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert sorted(names) == ["Perpustakaan Desa Sukajadi", "Perpustakaan Desa Sukajadi Baru"]
