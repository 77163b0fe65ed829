"""Journey: a province coordinator waits on a phone for the province's workbook: the page shows
how far it is, then, by itself, the link to the file."""

import pytest
from django.urls import reverse

from inklusi.downloads.models import Download, Stage, State

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_progress_then_the_link_on_a_phone(people, phone, phone_login):
    download = Download.objects.create(
        user=people.province,
        kind="dashboard_xlsx",
        place="region:16",
        state=State.WORKING,
        progress=45,
        stage=Stage.ATTENTION,  # the longest stage
    )
    page = phone_login("sumsel@example.id")
    page.goto(page.base_url + reverse("downloads:detail", args=[download.pk]))
    bar = page.get_by_role("progressbar", name="Mendaftar perpustakaan yang perlu perhatian")
    assert bar.get_attribute("value") == "45"
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    Download.objects.filter(pk=download.pk).update(
        state=State.DONE, progress=100, path="x.xlsx", file_name="pantauan-sumatera-selatan.xlsx"
    )
    page.get_by_role("link", name="Unduh pantauan-sumatera-selatan.xlsx").wait_for()
    assert page.locator("progress").count() == 0
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert page.csp_violations == []
