"""Main pages pass axe-core's WCAG 2 A/AA checks on a phone (labels, contrast, landmarks,
names of buttons and links), fit its width and break no rule of the Content-Security-Policy.
axe-core comes from npm (package.json) like the other assets."""

from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone

from inklusi.announcements.tests.helpers import announce
from inklusi.questions.tests.helpers import ask
from inklusi.stories.tests.helpers import choose_up_to, make_story
from inklusi.testing.factories import ActivityFactory, MonthlyReportFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"


def violations(page):
    """axe-core's findings and the Content-Security-Policy violations Chromium reported since
    the last call. axe goes in through the DevTools protocol, which the policy does not govern
    (a <script> tag with its text would be refused)."""
    page.evaluate(AXE.read_text())
    result = page.evaluate(
        "axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']})"
    )
    found = [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
    ]
    found += page.csp_violations
    page.csp_violations.clear()
    return found


def test_a_csp_violation_is_caught(phone, db):
    """The check below sees what the policy refuses: a style attribute set by a script."""
    phone.goto(phone.base_url + reverse("accounts:login"))
    phone.evaluate("document.body.setAttribute('style', 'color: red')")
    phone.wait_for_timeout(200)
    assert any("style-src" in problem for problem in violations(phone))


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
                "stories:create",
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
                "stories:list",
                "stories:create",
                ("stories:detail", "story"),
                ("stories:selection", "16.07"),
            ],
        ),
        (
            None,  # a visitor, not logged in
            [
                "public:index",
                ("public:region", "16.07"),
                ("public:library", "air_batu"),
                ("public:activity", "activity"),
                ("public:story", "story"),
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
        # This quarter's: one chosen, one still to choose from on the selection page.
        "story": make_story(libraries.air_batu, people.manager, recorded_at=timezone.now()),
        "candidate": make_story(libraries.sukajadi, people.regency, recorded_at=timezone.now()),
    }
    choose_up_to(records["story"], ["16.07"], people)
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
