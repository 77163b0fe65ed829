"""The installable app: its manifest, the service worker at the site's root, the outbox page,
and the budget of everything it adds to a phone (under 30 KB gzipped)."""

import gzip
import json

from django.contrib.staticfiles import finders
from django.urls import reverse

BUDGET = 30 * 1024
SCRIPTS = ("js/offline.js", "vendor/idb-keyval/umd.js")


def test_the_manifest_opens_the_home_page(client):
    response = client.get(reverse("home:manifest"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert manifest["start_url"] == reverse("home:home")
    assert manifest["display"] == "standalone"
    assert {icon["sizes"] for icon in manifest["icons"]} == {"192x192", "512x512"}
    for icon in manifest["icons"]:
        assert finders.find(icon["src"].removeprefix("/static/"))


def test_the_service_worker_is_served_from_the_root(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    text = response.content.decode()
    for page in ("/", reverse("activities:create"), reverse("reports:create"), "/luring/"):
        assert f'"{page}"' in text
    assert "/static/js/offline.js" in text


def test_every_page_links_the_manifest_and_names_its_user(people, login):
    page = login(people.manager).get(reverse("home:home")).content.decode()
    assert f'href="{reverse("home:manifest")}"' in page
    assert f'data-user="{people.manager.pk}"' in page


def test_the_outbox_page_needs_a_login(client, people, login):
    assert client.get(reverse("home:outbox")).status_code == 302
    assert login(people.manager).get(reverse("home:outbox")).status_code == 200


def test_the_offline_scripts_fit_the_budget(client):
    sizes = {"/sw.js": len(gzip.compress(client.get("/sw.js").content))}
    for path in SCRIPTS:
        with open(finders.find(path), "rb") as script:
            sizes[path] = len(gzip.compress(script.read()))
    print(f"\noffline scripts, gzipped: {sizes} = {sum(sizes.values())} B")
    assert sum(sizes.values()) < BUDGET, sizes
