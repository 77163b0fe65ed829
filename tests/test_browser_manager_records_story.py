"""Journey: a village library manager, on a 360-px phone, records a story of change with a
photo the person consented to. A phone number in the public text is refused first; the saved
story keeps the name private; the regency chooses it and the public page shows it without the
name; when the consent is withdrawn the photo is gone from the public page."""

import re

import pytest
from django.urls import reverse

from inklusi.stories.models import Story
from inklusi.stories.tests.helpers import choose_up_to
from inklusi.testing.photos import jpeg_with_gps
from inklusi.testing.tap_targets import sideways_scroll, small_tap_targets

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_manager_on_phone_records_a_story(people, libraries, phone_login, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    photo = tmp_path / "cerita.jpg"
    photo.write_bytes(jpeg_with_gps(size=(1600, 1200)))
    page = phone_login("pengelola@example.id")

    page.goto(page.base_url + reverse("stories:list"))
    page.click(f"a[href='{reverse('stories:create')}']")
    assert small_tap_targets(page) == [] and not sideways_scroll(page)
    page.select_option("select[name=domain]", "livelihood")
    page.fill("input[name=who]", "Seorang ibu penjual kue basah")
    page.fill("input[name=person]", "Ibu Rahmawati")
    page.fill("textarea[name=what_changed]", "Pesanan kuenya naik; hubungi 0812 3456 7890.")
    page.fill("textarea[name=why_it_matters]", "Biaya sekolah anaknya kini tercukupi.")
    page.fill("textarea[name=quote]", "Sekarang pelanggan mencari saya.")
    page.set_input_files("input[name=photo]", str(photo))
    page.check("input[name=photo_consent]")
    page.click("main button[type=submit]")
    # The phone number is refused, and nothing typed is lost.
    page.wait_for_selector(".has-error textarea[name=what_changed]")
    assert page.input_value("input[name=who]") == "Seorang ibu penjual kue basah"
    assert not Story.objects.exists()

    page.fill("textarea[name=what_changed]", "Ia menjual kue lewat grup WhatsApp desa.")
    page.set_input_files("input[name=photo]", str(photo))  # files are chosen again
    page.check("input[name=photo_consent]")
    page.click("main button[type=submit]")
    page.wait_for_url(re.compile(r".*/cerita/\d+/$"))
    story = Story.objects.get()
    assert story.library == libraries.air_batu and story.has_consented_photo
    assert story.consent_recorded_by == people.manager
    assert "Rahmawati" in page.content()  # the library keeps the name privately
    assert small_tap_targets(page) == [] and not sideways_scroll(page)

    choose_up_to(story, ["16.07"], people)
    public = reverse("public:story", args=[story.pk])
    photo_url = reverse("public:story_photo", args=[story.pk])
    page.goto(page.base_url + public)
    assert "Seorang ibu penjual kue basah" in page.content()
    assert "Rahmawati" not in page.content()
    assert page.locator(f"img[src='{photo_url}']").evaluate("img => img.naturalWidth") > 0
    assert not sideways_scroll(page)

    # The person withdraws their consent: the photo leaves the public page at once.
    page.goto(page.base_url + story.get_absolute_url())
    page.click(f"form[action='{reverse('stories:withdraw_consent', args=[story.pk])}'] button")
    page.wait_for_url(page.base_url + story.get_absolute_url())
    page.goto(page.base_url + public)
    assert photo_url not in page.content()


def test_regency_coordinator_chooses_on_a_phone(people, libraries, phone_login):
    from django.utils import timezone

    from inklusi.stories.tests.helpers import make_story

    story = make_story(
        libraries.air_batu, people.manager, who="Seorang petani karet", recorded_at=timezone.now()
    )
    page = phone_login("banyuasin@example.id")
    page.goto(page.base_url + reverse("stories:list"))
    page.click(f"a[href='{reverse('stories:selection', args=['16.07'])}']")
    assert "Seorang petani karet" in page.content()
    assert small_tap_targets(page) == [] and not sideways_scroll(page)
    page.fill(f"#id_reason_{story.pk}", "Perubahan penghasilan yang nyata.")
    page.click(f"form[action='{reverse('stories:choose', args=['16.07', story.pk])}'] button")
    page.wait_for_selector(
        f"form[action='{reverse('stories:take_back', args=['16.07', story.pk])}']"
    )
    assert story.selections.get().reason == "Perubahan penghasilan yang nyata."
    assert small_tap_targets(page) == [] and not sideways_scroll(page)
