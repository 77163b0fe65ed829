"""Shared test fixtures: a small real region tree, factories and one persona per role.

Personas (see `people`): a national admin, the Sumatera Selatan province coordinator, the
Banyuasin regency coordinator and facilitator, the manager of one Banyuasin village library,
a Banyuasin read-only viewer, and "charlie", who coordinates Palembang: outside Banyuasin.
"""

import os
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.servers.basehttp import WSGIServer
from django.test.testcases import LiveServerThread
from django.urls import reverse

from inklusi.accounts.twofactor import force_login_verified
from inklusi.testing import factories


# The browser tests' server answers one request at a time. On SQLite the test database is in
# memory and the server thread shares the test's one connection, so two requests at once (a
# page and the bell's count that htmx asks for as it loads) could interleave on it and hang.
class OneRequestAtATimeServer(WSGIServer):
    def __init__(self, *args, connections_override=None, **kwargs):
        # LiveServerThread.run already hands the shared connection to the server's thread.
        super().__init__(*args, **kwargs)


LiveServerThread.server_class = OneRequestAtATimeServer


@pytest.fixture(autouse=True)
def _no_rate_limit_spent():
    """Rate limits count in the cache, which outlives a test: each test starts with none."""
    cache.clear()


@pytest.fixture(autouse=True)
def _public_pages_without_lag(settings):
    """A test reads the public pages right after its writes; the lag that spares the server
    under a nation's writes has its own tests (inklusi/public/tests/test_public_cache.py)."""
    settings.PUBLIC_PAGES_LAG_SECONDS = 0


@pytest.fixture
def regions(db):
    factories.seed_categories()
    return factories.region_tree()


@pytest.fixture
def libraries(regions):
    return factories.demo_libraries(regions)


@pytest.fixture
def people(libraries):
    return factories.personas(libraries)


@pytest.fixture(autouse=True, scope="session")
def no_broker_connection():
    """No test opens a connection to a task broker: tasks run in-process with `apply`
    (inklusi.core.tasks.submit). A lost attempt's pages answered 500 under xdist when a
    view's task took a connection from kombu's pool."""
    from unittest import mock

    refuse = AssertionError("a test opened a task-broker connection")
    with mock.patch("kombu.connection.Connection.__init__", side_effect=refuse):
        yield


@pytest.fixture
def login(client):
    """login(user) logs the test client in as `user` and returns the client."""

    def _login(user):
        return force_login_verified(client, user)

    return _login


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def chromium():
    """Debian's headless Chromium driven by Playwright (its own browser downloads are unused)."""
    # Playwright's sync API runs an event loop; Django's ORM in the same thread is still safe.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


CSP_LISTENER = """
document.addEventListener("securitypolicyviolation", (e) => console.error(
  `CSP ${e.violatedDirective} blocked ${e.blockedURI || "inline"} in ${e.sourceFile}`
));
"""


@pytest.fixture
def phone(chromium, live_server, request):
    """A 360-px-wide phone page on the live server; a screenshot is kept if the test fails."""
    context = chromium.new_context(
        viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True, locale="id-ID"
    )
    # Every Content-Security-Policy violation Chromium reports, on any page the test opens
    # (page.csp_violations; the accessibility tests allow none).
    context.add_init_script(CSP_LISTENER)
    page = context.new_page()
    page.csp_violations = []
    page.on(
        "console",
        lambda message: (
            page.csp_violations.append(message.text)
            if "Content Security Policy" in message.text or message.text.startswith("CSP ")
            else None
        ),
    )
    page.set_default_timeout(10_000)
    page.base_url = live_server.url
    yield page
    if getattr(request.node, "rep_call", None) and request.node.rep_call.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    context.close()


@pytest.fixture
def phone_login(phone):
    """phone_login(email) logs the phone in with the personas' password and waits for home."""

    def _login(email, password="rahasia-123"):
        from inklusi.accounts.models import User
        from inklusi.accounts.twofactor import current_code, device_for_tests, needs_two_factor

        user = User.objects.filter(email=email).first()
        device = device_for_tests(user) if user and needs_two_factor(user) else None
        phone.goto(phone.base_url + reverse("accounts:login"))
        phone.fill("input[name=username]", email)
        phone.fill("input[name=password]", password)
        phone.click("main button[type=submit]")
        if device is not None:  # a national admin: the code of their authenticator next
            phone.wait_for_url(phone.base_url + reverse("accounts:two_factor") + "*")
            phone.fill("input[name=code]", current_code(device))
            phone.click("main button[type=submit]")
        phone.wait_for_url(phone.base_url + "/")
        return phone

    return _login


ARTIFACTS = Path(__file__).resolve().parent / "test-artifacts"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """One record of every scoped kind inside and outside Banyuasin (`inklusi.testing.world`),
    built once per module in a transaction rolled back after it. Each test asks for `db` too,
    which rolls back the test's own changes."""
    from django.db import transaction

    from inklusi.testing import world as scoped_world

    with django_db_blocker.unblock(), transaction.atomic():
        yield scoped_world.build()
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def persona_clients(world, django_db_blocker):
    """A test client logged in as each persona of `world` (by name), and as each place's
    training participant ("participant-in", "participant-out"), kept for the module."""
    from django.test import Client

    clients = {}
    with django_db_blocker.unblock():
        people = vars(world.people)
        participants = {f"participant-{place}": at.participant for place, at in world.at.items()}
        for name, user in {**people, **participants}.items():
            clients[name] = force_login_verified(Client(), user)
    return clients


@pytest.fixture
def quick_pdfs(monkeypatch):
    """PDFs are not printed, for tests of who gets a page: access is checked before printing."""
    monkeypatch.setattr("inklusi.core.pdf.render_pdf", lambda *args, **kwargs: b"%PDF-1.4")
