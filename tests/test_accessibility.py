"""Main pages pass axe-core's WCAG 2 A/AA checks on a phone (labels, contrast, landmarks,
names of buttons and links) and fit its width. axe-core comes from npm (package.json) like
the other assets."""

from pathlib import Path

import pytest
from django.urls import reverse

from inklusi.announcements.tests.helpers import announce
from inklusi.questions.tests.helpers import ask
from inklusi.testing.factories import ActivityFactory, MonthlyReportFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"


def violations(page):
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']})"
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
    ]


def test_login_page_is_accessible(phone, db):
    phone.goto(phone.base_url + reverse("accounts:login"))
    assert violations(phone) == []


@pytest.mark.parametrize(
    "email,pages",
    [
        (
            "pengelola@example.id",
            [
                "home:home",
                ("libraries:edit", "air_batu"),
                "activities:create",
                ("activities:edit", "activity"),
                "reports:create",
                "reports:list",
                "announcements:list",
                ("announcements:detail", "announcement"),
                "questions:create",
                ("questions:detail", "question"),
                "questions:faq",
                "notifications:inbox",
                "notifications:settings",
            ],
        ),
        (
            "banyuasin@example.id",
            [
                "home:home",
                "libraries:list",
                "libraries:create",
                ("libraries:detail", "air_batu"),
                ("regions:detail", "16.07"),
                "regions:index",
                "team:team",
                "team:invite",
                "imports:index",
                "accounts:profile",
                "activities:list",
                ("activities:detail", "activity"),
                ("reports:detail", "report"),
                "reports:compliance",
                "partners:list",
                "partners:create",
                "overview:index",
                "advocacy:list",
                "advocacy:create",
                "announcements:create",
                ("announcements:receipts", "announcement"),
                "questions:list",
                ("questions:detail", "question"),
                ("comments:thread", "activity"),
            ],
        ),
        (
            None,  # a visitor, not logged in
            [
                "public:index",
                ("public:region", "16.07"),
                ("public:library", "air_batu"),
                ("public:activity", "activity"),
            ],
        ),
    ],
)
def test_main_pages_are_accessible(people, libraries, phone, phone_login, email, pages):
    records = {
        "activity": ActivityFactory(library=libraries.air_batu),
        "report": MonthlyReportFactory(library=libraries.air_batu),
        "announcement": announce(people.regency, region=libraries.regions["16.07"]),
        "question": ask(people.manager, libraries.air_batu),
    }
    if email:
        phone_login(email)
    found = {}
    for name in pages:
        if isinstance(name, tuple):
            name, arg = name
            if arg in records:
                arg = records[arg].pk
            elif arg.isidentifier():
                arg = getattr(libraries, arg).pk
            # A thread's address names the kind of record first.
            url = reverse(name, args=["kegiatan", arg] if name == "comments:thread" else [arg])
        else:
            url = reverse(name)
        phone.goto(phone.base_url + url)
        problems = violations(phone)
        if phone.evaluate("document.documentElement.scrollWidth") > 360:
            problems.append("the page scrolls sideways on a 360-px phone")
        if problems:
            found[url] = problems
    assert found == {}


@pytest.mark.parametrize(
    "email,name,arg",
    [
        ("admin@example.id", "monitoring:nation", None),
        ("sumsel@example.id", "monitoring:region", "16"),
        ("sumsel@example.id", "monitoring:region", "16.07.10"),
        ("banyuasin@example.id", "monitoring:library", "air_batu"),
    ],
)
def test_dashboard_pages_are_accessible(people, libraries, phone, phone_login, email, name, arg):
    """With figures, a map (no tiles in the tests), the attention lists and the table."""
    libraries.air_batu.latitude, libraries.air_batu.longitude = -2.885, 104.69
    libraries.air_batu.whatsapp = "6281234567890"
    libraries.air_batu.save()
    MonthlyReportFactory(library=libraries.banyuasin)
    ActivityFactory(library=libraries.air_batu)
    phone_login(email)
    args = [getattr(libraries, arg).pk if arg and arg.isidentifier() else arg] if arg else []
    phone.goto(phone.base_url + reverse(name, args=args))
    phone.wait_for_selector(".dash-map.leaflet-container")
    problems = violations(phone)
    if phone.evaluate("document.documentElement.scrollWidth") > 360:
        problems.append("the page scrolls sideways on a 360-px phone")
    assert problems == []
