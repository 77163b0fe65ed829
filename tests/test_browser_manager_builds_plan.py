"""Journey: on a phone, a village library manager builds next year's work plan from the
template of common activities and sends it for review; the regency coordinator comments on the
budget and asks for a change; the manager reads the comment and downloads the PDF proposal."""

import re

import pytest
from django.urls import reverse

from inklusi.plans.models import EventKind, Plan, State
from inklusi.plans.tests.helpers import events

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_manager_builds_a_plan_and_the_coordinator_comments(people, libraries, phone_login):
    page = phone_login("pengelola@example.id")
    page.goto(page.base_url + reverse("plans:list"))
    page.click(f"a[href='{reverse('plans:create')}']")
    page.fill("input[name=year]", "2027")
    page.check("input[name=start_from][value=template]")
    page.uncheck("input[name=template_keys][value=online_selling]")
    page.click("main button[type=submit]")
    page.wait_for_url(re.compile(r".*/rencana/\d+/$"))  # saved: the plan's own page
    plan = Plan.objects.get()
    assert page.url == page.base_url + plan.get_absolute_url()
    assert plan.library == libraries.air_batu
    assert plan.activities.count() == 4
    assert "Pelatihan literasi digital untuk warga" in page.content()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    # Summary first: each part and each activity folds to a line (9,555 px unfolded).
    assert page.evaluate("document.documentElement.scrollHeight") < 2500
    assert not page.is_visible("text=Tambah butir anggaran")

    # A line with a negative price is refused, and what was typed stays.
    activity = plan.activities.order_by("month").first()
    page.click("#activities > summary")
    page.click(f"#activity-{activity.pk} > summary")
    page.click(f"a[href='{reverse('plans:line_create', args=[plan.pk, activity.pk])}']")
    page.fill("input[name=item]", "Rak buku")
    page.fill("input[name=quantity]", "2")
    page.fill("input[name=unit]", "unit")
    page.fill("input[name=unit_price]", "-750.000")
    page.select_option("select[name=source]", "village")
    page.click("main button[type=submit]")
    # The form comes back from the server: wait for it rather than look at the page at once.
    page.wait_for_selector(".has-error input[name=unit_price]")
    assert page.locator(".has-error input[name=unit_price]").count() == 1
    assert page.input_value("input[name=item]") == "Rak buku"
    page.fill("input[name=unit_price]", "750.000")
    page.click("main button[type=submit]")
    page.wait_for_url(f"{page.base_url}{plan.get_absolute_url()}#budget")
    assert plan.lines().get(item="Rak buku").total == 1_500_000
    assert page.evaluate("document.getElementById('budget').open")  # the address opened it

    page.click("form[action$='/ajukan/'] button")
    page.wait_for_selector(".plan-state-in_review")
    assert Plan.objects.get().state == State.IN_REVIEW

    page.context.clear_cookies()
    page = phone_login("banyuasin@example.id")
    page.goto(page.base_url + plan.get_absolute_url())
    page.click("#budget > summary")
    page.click("#budget .plan-comment-box summary")
    page.fill("#comment-budget", "Harga rak buku terlalu tinggi, cek harga toko di desa.")
    page.click("#budget .plan-comment-box button")
    page.wait_for_selector("#budget .plan-comments")
    page.select_option("#review select[name=section]", "budget")
    page.fill("#review textarea[name=comment]", "Mohon perbaiki anggaran rak buku.")
    page.click("#review button[value=changes]")
    page.wait_for_selector(".plan-state-draft")
    assert len(events(plan, kind=EventKind.COMMENT, section="budget")) == 1

    page.context.clear_cookies()
    page = phone_login("pengelola@example.id")
    page.goto(page.base_url + plan.get_absolute_url())
    assert page.is_visible("text=cek harga toko di desa")  # a part with comments opens
    assert "Mohon perbaiki anggaran rak buku." in page.content()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    with page.expect_download() as download:
        page.click(f"a[href='{reverse('plans:proposal', args=[plan.pk, 'pdf'])}']")
    path = download.value.path()
    with open(path, "rb") as handle:
        assert handle.read(5) == b"%PDF-"
