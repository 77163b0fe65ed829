"""Phones first: on the main pages of a library manager and of a regency coordinator, at
360 px, every button, link and field is at least 44 × 44 px (links inside running text and the
other documented exceptions aside: inklusi/testing/tap_targets.py) and nothing scrolls
sideways."""

import pytest
from django.urls import reverse

from inklusi.activities import services as activity_services
from inklusi.libraries.services import save_library
from inklusi.plans import services as plan_services
from inklusi.testing.factories import ActivityFactory, MonthlyReportFactory
from inklusi.testing.tap_targets import sideways_scroll, small_tap_targets

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def work(people, libraries):
    """An activity awaiting verification, a report, a plan with budget lines, a located
    library: the pages then show their buttons and the map its zoom buttons."""
    library = libraries.air_batu
    library.latitude, library.longitude = -2.885, 104.69
    save_library(library)
    activity = ActivityFactory(library=library)
    returned = ActivityFactory(library=library, title="Kelas mewarnai")
    activity_services.send_back(returned, people.regency, "Tambahkan fotonya.")
    report = MonthlyReportFactory(library=library)
    plan = plan_services.start_plan(
        library, 2027, people.manager, start_from="template", template_keys=["digital"]
    )
    return {"activity": activity, "report": report, "plan": plan, "library": library}


def check_pages(page, paths):
    problems = []
    for path in paths:
        page.goto(page.base_url + path)
        page.wait_for_load_state("load")
        if page.locator(".leaflet-container").count():
            page.wait_for_selector(".leaflet-control-zoom-in")
        if page.locator(".menu-toggle:visible").count():
            page.click(".menu-toggle")  # the menu's links count too
        problems += [f"{path}: {target}" for target in small_tap_targets(page)]
        if sideways_scroll(page) > 0:
            problems.append(f"{path}: scrolls sideways by {sideways_scroll(page)} px")
    assert problems == []


def test_a_library_managers_pages_fit_a_thumb(work, phone_login):
    page = phone_login("pengelola@example.id")
    activity, library = work["activity"], work["library"]
    check_pages(
        page,
        [
            reverse("home:home"),
            reverse("activities:list"),
            reverse("activities:create"),
            reverse("activities:detail", args=[activity.pk]),
            reverse("activities:edit", args=[activity.pk]),
            reverse("reports:list"),
            reverse("reports:create"),
            reverse("reports:detail", args=[work["report"].pk]),
            reverse("libraries:detail", args=[library.pk]),
            reverse("libraries:edit", args=[library.pk]),
            reverse("plans:list"),
            reverse("plans:detail", args=[work["plan"].pk]),
            reverse("trainings:list"),
            reverse("accounts:profile"),
        ],
    )


def test_a_regency_coordinators_pages_fit_a_thumb(work, phone_login):
    page = phone_login("banyuasin@example.id")
    activity, library = work["activity"], work["library"]
    check_pages(
        page,
        [
            reverse("home:home"),
            reverse("activities:list") + "?status=published&review=pending",
            reverse("activities:detail", args=[activity.pk]),
            reverse("libraries:list"),
            reverse("libraries:detail", args=[library.pk]),
            reverse("libraries:create"),
            reverse("reports:compliance"),
            reverse("team:team"),
            reverse("team:invite"),
            reverse("monitoring:region", args=["16.07"]),
            reverse("monitoring:region", args=["16.07.10"]),
            reverse("regions:index"),
            reverse("regions:detail", args=["16.07"]),
            reverse("plans:list"),
            reverse("plans:detail", args=[work["plan"].pk]),
            reverse("partners:list"),
            reverse("overview:index"),
            reverse("advocacy:list"),
            reverse("trainings:list"),
        ],
    )
