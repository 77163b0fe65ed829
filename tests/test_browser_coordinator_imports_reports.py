"""Journey: the Banyuasin coordinator, on a phone, imports last month's reports of two
libraries from a spreadsheet: one row has a mistake, the preview says where, and only the
valid row is imported."""

import pytest
from django.urls import reverse

from inklusi.imports.tests.helpers import csv_bytes, report_row
from inklusi.reports.models import MonthlyReport

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_coordinator_on_phone_imports_the_valid_rows(people, libraries, phone_login, tmp_path):
    for library, code in ((libraries.air_batu, "1607101002"), (libraries.sukajadi, "1607101004")):
        library.npp = code
        library.save()
    sheet = tmp_path / "laporan.csv"
    sheet.write_bytes(
        csv_bytes(
            "laporan",
            [report_row("1607101002"), report_row("1607101004", **{"Hari buka": "dua puluh"})],
        )
    )
    page = phone_login("banyuasin@example.id")
    assert "Impor" in page.locator("#mainnav a").all_inner_texts()
    page.goto(page.base_url + reverse("imports:index"))
    page.wait_for_selector("input[type=file]")
    assert page.get_by_role("link", name="Laporan bulanan (.xlsx)").is_visible()
    page.select_option("select[name=kind]", "laporan")
    page.set_input_files("input[type=file]", str(sheet))
    page.get_by_role("button", name="Periksa berkas").click()

    page.wait_for_selector("table.import-errors")
    cells = page.locator("table.import-errors tbody td").all_inner_texts()
    assert cells == ["3", "Hari buka", "Tulis bilangan bulat, misalnya 12."]
    assert "Belum ada yang disimpan" in page.content()
    assert MonthlyReport.objects.count() == 0
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    button = page.get_by_role("button", name="Impor hanya 1 baris yang benar")
    assert button.bounding_box()["height"] >= 44
    button.click()
    page.wait_for_selector("text=Sudah diimpor.")
    report = MonthlyReport.objects.get()
    assert report.library == libraries.air_batu
    assert "1" in page.locator(".stats li").nth(2).inner_text()  # added
