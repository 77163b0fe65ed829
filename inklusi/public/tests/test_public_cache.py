"""The public pages are made once per change (`core.public_cache`): a second visitor gets
the kept content, and anything published, unpublished or chosen shows at the next request."""

from contextlib import ExitStack

import pytest
from django.db import connections
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from inklusi.activities import services as activity_services
from inklusi.activities.models import Status
from inklusi.testing.factories import ActivityFactory

pytestmark = pytest.mark.django_db


def queries(client, url):
    """(queries on every database connection, the page): the public pages read from the
    replica when there is one."""
    with ExitStack() as stack:
        captured = [stack.enter_context(CaptureQueriesContext(c)) for c in connections.all()]
        response = client.get(url)
    assert response.status_code == 200
    return sum(len(c.captured_queries) for c in captured), response.content.decode()


def main(page):
    return page[page.find("<main") : page.find("</main>")]


@pytest.mark.parametrize(
    "url",
    [
        reverse("public:index"),
        reverse("public:region", args=["16.07"]),
        reverse("public:atom"),
        reverse("public:region_rss", args=["16"]),
    ],
)
def test_a_second_visitor_gets_the_kept_page(client, libraries, url):
    ActivityFactory(library=libraries.air_batu, title="Kegiatan Air Batu")
    first, first_text = queries(client, url)
    again, again_text = queries(client, url)
    assert "Kegiatan Air Batu" in first_text
    assert main(again_text) == main(first_text)  # the CSRF token of the menu is per visitor
    assert again <= 1 < first  # at most the region of the address


def test_each_page_of_a_list_is_kept_apart(client, libraries):
    for n in range(25):
        ActivityFactory(library=libraries.air_batu, title=f"Kegiatan nomor {n:02d}")
    first = client.get(reverse("public:index")).text
    second = client.get(reverse("public:index"), {"page": 2}).text
    assert "Kegiatan nomor 24" in first and "Kegiatan nomor 24" not in second
    assert "Kegiatan nomor 00" in second


def test_each_language_is_kept_apart(client, libraries):
    english = client.get(reverse("public:index")).text
    client.cookies["django_language"] = "id"
    indonesian = client.get(reverse("public:index")).text
    assert "Library activities across Indonesia" in english
    assert "Library activities across Indonesia" not in indonesian


def test_publishing_and_unpublishing_show_at_the_next_request(
    client, libraries, people, django_capture_on_commit_callbacks
):
    draft = ActivityFactory(library=libraries.air_batu, title="Kegiatan baru", status=Status.DRAFT)
    pages = [reverse("public:index"), reverse("public:atom")]
    assert all("Kegiatan baru" not in client.get(page).text for page in pages)
    with django_capture_on_commit_callbacks(execute=True):
        activity_services.publish(draft, people.admin)
    assert all("Kegiatan baru" in client.get(page).text for page in pages)
    with django_capture_on_commit_callbacks(execute=True):
        activity_services.unpublish(draft, people.admin)
    assert all("Kegiatan baru" not in client.get(page).text for page in pages)


def test_a_write_rolled_back_keeps_the_pages(client, libraries, people):
    """The version moves on only after the commit: a failed write changes nothing."""
    from inklusi.core import public_cache

    before = public_cache.version()
    public_cache.changed()  # inside the test's transaction, never committed
    assert public_cache.version() == before


def test_without_a_cache_the_page_is_made_every_time(client, libraries, monkeypatch):
    from inklusi.core import public_cache

    def down(*_args, **_kwargs):
        raise ConnectionError("Redis is down")

    ActivityFactory(library=libraries.air_batu, title="Kegiatan Air Batu")
    monkeypatch.setattr(public_cache.cache, "get", down)
    monkeypatch.setattr(public_cache.cache, "set", down)
    assert "Kegiatan Air Batu" in client.get(reverse("public:index")).text
    public_cache._move_on()  # a write committed while Redis is down is not an error
