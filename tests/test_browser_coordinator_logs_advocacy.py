"""Journey: a regency coordinator logs a meeting with Bappeda, records what it committed, and
prints (downloads) the advocacy brief for the next meeting."""

import datetime
from io import BytesIO

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from inklusi.advocacy.models import AdvocacyMeeting

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_coordinator_logs_a_bappeda_meeting_and_prints_the_brief(
    people, libraries, phone, phone_login
):
    page = phone
    phone_login("banyuasin@example.id")
    page.goto(page.base_url + reverse("advocacy:create"))
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    today = timezone.localdate()
    page.fill("#id_region", "banyuasin")
    page.click("[data-pick-value='16.07']")  # the type-ahead answered
    page.fill("input[name=met_on]", (today - datetime.timedelta(days=1)).isoformat())
    page.select_option("select[name=counterpart_kind]", "bappeda")
    page.fill("input[name=counterpart_name]", "Bappeda Kabupaten Banyuasin")
    page.fill("textarea[name=attendees]", "Kabid Pembangunan Manusia; Kepala Dinas Perpustakaan")
    page.fill("input[name=topic]", "Anggaran TIK perpustakaan desa")
    page.fill("textarea[name=asked]", "APBD untuk internet 30 perpustakaan desa")
    page.fill("input[name=asked_amount]", "450.000.000")
    page.fill("textarea[name=committed]", "Masuk RKPD tahun depan untuk 10 desa")
    page.fill("input[name=committed_amount]", "150.000.000")
    page.select_option("select[name=commitment_source]", "regency")
    page.fill("input[name=follow_up_on]", (today + datetime.timedelta(days=14)).isoformat())
    page.click("main button[type=submit]")

    meeting = AdvocacyMeeting.objects.get()
    page.wait_for_url(page.base_url + meeting.get_absolute_url())
    assert (meeting.region_id, meeting.committed_amount) == ("16.07", 150_000_000)
    assert meeting.created_by.email == "banyuasin@example.id"

    page.click(f"a[href='{reverse('advocacy:brief_region_form', args=['16.07'])}']")
    assert page.input_value("textarea[name=ask]") == "APBD untuk internet 30 perpustakaan desa"
    page.fill("textarea[name=ask]", "Tahap kedua: internet untuk 20 perpustakaan desa lagi")
    with page.expect_download() as download_info:
        page.click("main button[type=submit]")
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf")
    reader = PdfReader(BytesIO(open(download.path(), "rb").read()))
    text = " ".join(p.extract_text() for p in reader.pages)
    assert "Kabupaten Banyuasin" in text
    assert "Rp150.000.000" in text
    assert "Tahap kedua: internet untuk 20 perpustakaan desa lagi" in text
