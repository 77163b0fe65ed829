"""Journey: a village library manager, on a phone, records an activity with a photo, publishes
it, and the public page shows it (with the photo she consented to, and no GPS in the file)."""

import re
from datetime import date, timedelta
from io import BytesIO

import pytest
from django.urls import reverse
from PIL import Image

from inklusi.activities.models import Activity
from inklusi.testing.photos import GPS_IFD, jpeg_with_gps

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_manager_on_phone_records_and_publishes_an_activity(
    people, libraries, phone_login, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    photo = tmp_path / "kegiatan.jpg"
    photo.write_bytes(jpeg_with_gps(size=(2400, 1800)))
    page = phone_login("pengelola@example.id")

    page.click(f"a[href='{reverse('activities:create')}?library={libraries.air_batu.pk}']")
    page.fill("input[name=title]", "Kelas membaca nyaring")
    page.select_option("select[name=category]", label="Literasi dan gemar membaca")
    page.fill("input[name=starts_on]", str(date.today() - timedelta(days=3)))
    page.fill("input[name=participants_female]", "14")
    page.fill("input[name=participants_male]", "9")
    page.set_input_files("input[name=photos]", str(photo))
    page.check("input[name=photos_consent]")
    # A count that does not add up is refused, and nothing typed is lost.
    page.fill("input[name=participants_children]", "30")
    page.click("button[value=publish]")
    page.wait_for_selector(".has-error input[name=participants_children]")  # the server's answer
    assert page.locator(".has-error input[name=participants_children]").count() == 1
    assert page.input_value("input[name=title]") == "Kelas membaca nyaring"
    assert Activity.objects.count() == 0

    page.fill("input[name=participants_children]", "23")
    assert page.locator(".offline-photos li").count() == 1  # the photo is kept on the phone
    page.check("input[name=photos_consent]")
    page.click("button[value=publish]")
    page.wait_for_url(re.compile(r".*/kegiatan/\d+/$"))  # saved: the activity's own page
    activity = Activity.objects.get()
    assert page.url == page.base_url + activity.get_absolute_url()
    assert activity.is_published
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    stored = activity.photos.get()
    with Image.open(BytesIO(stored.image.read())) as image:
        assert max(image.size) == 1600
        assert GPS_IFD not in image.getexif()

    page.click(f"a[href='{activity.get_public_url()}']")
    page.wait_for_url(page.base_url + activity.get_public_url())
    assert "Kelas membaca nyaring" in page.content()
    assert stored.image.url in page.content()
    assert page.locator("meta[property='og:title']").get_attribute("content") == activity.title
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
