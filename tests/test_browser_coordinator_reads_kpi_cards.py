"""A regency coordinator on a 360-px phone goes from the dashboard to the KPI cards, sees who
moved colour, and opens a library's card with its explanation; every page fits a thumb."""

import datetime
from datetime import time

import pytest
from django.urls import reverse
from django.utils import timezone

from inklusi.core.months import add_months
from inklusi.scores import quarters, services
from inklusi.scores.models import LibraryScore
from inklusi.testing.factories import ActivityFactory, MonthlyReportFactory
from inklusi.testing.tap_targets import sideways_scroll, small_tap_targets

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def scored(people, libraries):
    quarter = quarters.last_complete()
    library = libraries.air_batu
    for month in quarters.months(quarter):
        filed = timezone.make_aware(datetime.datetime.combine(add_months(month, 1), time(9)))
        MonthlyReportFactory(library=library, month=month, submitted_at=filed)
        ActivityFactory(library=library, starts_on=month.replace(day=5), outcome="Membaca.")
    services.refresh(quarters.previous(quarter))
    services.refresh(quarter)
    return LibraryScore.objects.get(library=library, quarter=quarter)


def fits_a_thumb(page):
    assert small_tap_targets(page) == []
    assert sideways_scroll(page) == 0


def test_coordinator_follows_the_colours_to_a_card(scored, phone_login):
    page = phone_login("banyuasin@example.id")
    page.goto(page.base_url + reverse("monitoring:region", args=["16.07"]))
    page.click(".kpi-place a")
    page.wait_for_url(f"**{reverse('scores:region', args=['16.07'])}")
    fits_a_thumb(page)
    # Air Batu recorded nothing the quarter before: red then, now yellow (25 + 7.5 + 4 + 15).
    assert scored.total == 52
    assert (
        "Perpustakaan Desa Air Batu" in page.locator("#kpi-moved-heading ~ ul").first.inner_text()
    )
    page.click(f"a[href^='{reverse('scores:library', args=[scored.library_id])}']")
    page.wait_for_selector(".kpi-total")
    assert page.inner_text(".kpi-total") == str(scored.total)
    assert page.locator(".kpi-part").count() == 5
    fits_a_thumb(page)
