"""The public pages are made once per change (`core.public_cache`): a second visitor gets
the kept content; what is added shows within the lag (at the next request in the other tests,
which have none), what leaves the pages goes at the next request."""

from contextlib import ExitStack
from types import SimpleNamespace

import pytest
from django.db import connections
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from inklusi.activities import services as activity_services
from inklusi.activities.models import Status
from inklusi.core import public_cache
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
    before = public_cache.version()
    public_cache.changed()  # inside the test's transaction, never committed
    assert public_cache.version() == before


def test_without_a_cache_the_page_is_made_every_time(client, libraries, monkeypatch):
    def down(*_args, **_kwargs):
        raise ConnectionError("Redis is down")

    ActivityFactory(library=libraries.air_batu, title="Kegiatan Air Batu")
    monkeypatch.setattr(public_cache.cache, "get", down)
    monkeypatch.setattr(public_cache.cache, "set", down)
    assert "Kegiatan Air Batu" in client.get(reverse("public:index")).text
    public_cache._note(public_cache.VERSION_KEY)  # a commit while Redis is down is no error


@pytest.fixture
def clock(monkeypatch, settings):
    """The public pages with a 30-second lag and a clock the test moves (`clock.now`, s)."""
    settings.PUBLIC_PAGES_LAG_SECONDS = 30
    clock = SimpleNamespace(now=1_000_000.0)
    monkeypatch.setattr(public_cache, "time", SimpleNamespace(time_ns=lambda: int(clock.now * 1e9)))
    return clock


def test_an_addition_shows_within_the_lag_not_at_every_write(
    client, libraries, people, clock, django_capture_on_commit_callbacks
):
    ActivityFactory(library=libraries.air_batu, title="Kegiatan pertama")
    second = ActivityFactory(library=libraries.air_batu, title="Kegiatan kedua", status="draft")
    url = reverse("public:index")
    assert "Kegiatan pertama" in client.get(url).text
    clock.now += 5
    with django_capture_on_commit_callbacks(execute=True):
        activity_services.publish(second, people.admin)
    clock.now += 10
    made, page = queries(client, url)
    assert "Kegiatan kedua" not in page and made <= 1  # still the kept page, 15 s after
    clock.now += 16
    assert "Kegiatan kedua" in client.get(url).text  # 31 s after the version was made


@pytest.mark.parametrize("leave", ["unpublish", "send_back", "edit", "delete"])
def test_what_leaves_the_public_pages_goes_at_once_whatever_the_lag(
    client, libraries, people, clock, django_capture_on_commit_callbacks, leave
):
    activity = ActivityFactory(library=libraries.air_batu, title="Kegiatan lama")
    url = reverse("public:index")
    assert "Kegiatan lama" in client.get(url).text
    clock.now += 1
    with django_capture_on_commit_callbacks(execute=True):
        if leave == "unpublish":
            activity_services.unpublish(activity, people.admin)
        elif leave == "send_back":
            activity_services.send_back(activity, people.regency, "Foto belum jelas")
        elif leave == "edit":
            activity.title = "Kegiatan dengan judul baru"
            activity_services.save_activity(activity, people.admin, publish=True)
        else:
            activity_services.delete(activity, people.admin)
    assert "Kegiatan lama" not in client.get(url).text


def test_an_activity_page_is_kept_and_an_edit_shows_at_once(
    client, libraries, people, clock, django_capture_on_commit_callbacks
):
    activity = ActivityFactory(library=libraries.air_batu, title="Kelas menulis")
    url = activity.get_public_url()
    first, page = queries(client, url)
    again, page_again = queries(client, url)
    assert "Kelas menulis" in page and main(page_again) == main(page)
    assert again == 0 < first
    clock.now += 1
    with django_capture_on_commit_callbacks(execute=True):
        activity.title = "Kelas menulis cerita"
        activity_services.save_activity(activity, people.admin, publish=True)
    assert "Kelas menulis cerita" in client.get(url).text
    clock.now += 1
    with django_capture_on_commit_callbacks(execute=True):
        activity_services.unpublish(activity, people.admin)
    assert client.get(url).status_code == 404
