"""The public page of one activity."""

import datetime
import html
import os
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.urls import reverse
from PIL import Image

from inklusi.accounts.models import Role
from inklusi.activities import services as activity_services
from inklusi.activities.models import Status
from inklusi.testing.factories import ActivityFactory, UserFactory
from inklusi.testing.photos import shows


def url(activity):
    return reverse("public:activity", args=[activity.pk])


def meta(text, attribute, name):
    """The content of <meta attribute="name" content="..."> in the page, or None."""
    start = text.find(f'<meta {attribute}="{name}" content="')
    if start < 0:
        return None
    start = text.index('content="', start) + len('content="')
    return html.unescape(text[start : text.index('"', start)])


@pytest.fixture
def activity(libraries):
    return ActivityFactory(
        library=libraries.air_batu,
        title="Pelatihan menjahit & merajut",
        starts_on=datetime.date(2020, 7, 21),
        place="Balai desa",
        description="Ibu-ibu belajar menjahit. " * 20,
        outcome="Sepuluh peserta membuka usaha.",
        participants_female=30,
        participants_male=4,
        participants_adults=34,
        participants_low_income=12,
        facilitator="Bu Ratna Kusumawati",
        instagram_url="https://instagram.com/p/abc",
    )


def test_anyone_can_open_it(client, activity):
    response = client.get(url(activity))
    assert response.status_code == 200
    text = response.text
    assert "Pelatihan menjahit &amp; merajut" in text
    assert "21 July 2020" in text
    assert "Balai desa" in text
    assert "Sepuluh peserta membuka usaha." in text
    assert "Literacy and reading" in text
    assert reverse("public:library", args=[activity.library_id]) in text
    assert "https://instagram.com/p/abc" in text
    assert ">34<" in text and ">30<" in text and ">12<" in text
    assert "Bu Ratna Kusumawati" not in text  # a person's name stays off the public page


def test_dates_come_in_indonesian_by_default(client, activity):
    client.cookies["django_language"] = "id"
    assert "21 Juli 2020" in client.get(url(activity)).text


def test_unpublished_activity_is_404(client, libraries):
    draft = ActivityFactory(library=libraries.air_batu, status=Status.DRAFT)
    assert client.get(url(draft)).status_code == 404


def test_sent_back_activity_is_404(client, people, activity):
    activity_services.send_back(activity, people.regency, "Tambahkan foto.")
    assert client.get(url(activity)).status_code == 404


def test_bad_id_is_404(client, db):
    assert client.get(reverse("public:activity", args=[987654])).status_code == 404
    assert client.get("/publik/kegiatan/99999999999999999999/").status_code == 404


def test_wrong_method_is_405(client, activity):
    assert client.post(url(activity)).status_code == 405


def test_only_consented_photos_show(client, activity, photo):
    shown = photo(activity, "boleh-tampil", caption="Peserta menjahit")
    secret = photo(activity, "rahasia-anak", consent=False)
    response = client.get(url(activity))
    assert shows(shown, response)
    assert b"Peserta menjahit" in response.content
    assert not shows(secret, response)


def test_open_graph_tags_with_a_photo(client, activity, photo):
    first = photo(activity, "pertama")
    photo(activity, "kedua")
    text = client.get(url(activity)).text
    page = "http://testserver" + url(activity)
    assert meta(text, "property", "og:title") == activity.title
    assert meta(text, "property", "og:url") == page
    assert meta(text, "property", "og:type") == "article"
    assert meta(text, "property", "og:site_name") == "Inklusi"
    assert meta(text, "property", "og:locale") == "id_ID"
    assert meta(text, "property", "og:image") == "http://testserver" + first.image.url
    assert meta(text, "name", "twitter:card") == "summary_large_image"
    description = meta(text, "property", "og:description")
    assert description.startswith("Ibu-ibu belajar menjahit.")
    assert len(description) <= 200


SHARE_IMAGE = "http://testserver/static/img/bagikan.png"


def test_open_graph_without_a_photo_shows_our_own_picture(client, activity, photo):
    secret = photo(activity, "tanpa-izin", consent=False)
    text = client.get(url(activity)).text
    assert meta(text, "property", "og:image") == SHARE_IMAGE  # absolute, from our static files
    assert meta(text, "name", "twitter:card") == "summary_large_image"
    assert meta(text, "property", "og:description").startswith("Ibu-ibu belajar menjahit.")
    assert not shows(secret, client.get(url(activity)))


def test_the_share_picture_is_a_small_png_of_our_own():
    path = finders.find("img/bagikan.png")
    assert path and path.startswith(str(settings.BASE_DIR / "inklusi" / "static"))
    with Image.open(path) as image:
        assert (image.format, image.size) == ("PNG", (1200, 630))  # what link previews expect
    assert os.path.getsize(path) < 20_000


def test_share_links(client, activity):
    response = client.get(url(activity))
    links = dict(response.context["share_links"])
    page = "http://testserver" + url(activity)
    assert response.context["share_url"] == page
    whatsapp = urlsplit(links["WhatsApp"])
    assert (whatsapp.netloc, whatsapp.path) == ("wa.me", "/")
    assert parse_qs(whatsapp.query)["text"] == [f"{activity.title} {page}"]
    facebook = urlsplit(links["Facebook"])
    assert facebook.netloc == "www.facebook.com" and facebook.path == "/sharer/sharer.php"
    assert parse_qs(facebook.query)["u"] == [page]
    tweet = urlsplit(links["X"])
    assert tweet.netloc == "twitter.com" and tweet.path == "/intent/tweet"
    assert parse_qs(tweet.query) == {"url": [page], "text": [activity.title]}
    text = response.text
    for address in links.values():
        assert f'href="{html.escape(address)}" target="_blank" rel="noopener"' in text
    assert f'value="{page}" readonly' in text  # the copy-link box works without JavaScript


class Resources(HTMLParser):
    """The addresses the browser fetches by itself: images, scripts, frames, stylesheets."""

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("img", "script", "iframe", "source") and attrs.get("src"):
            self.found.append(attrs["src"])
        if tag == "link" and attrs.get("rel") in ("stylesheet", "icon", "preload"):
            self.found.append(attrs["href"])


def test_the_page_loads_nothing_from_other_hosts(client, activity, photo):
    photo(activity, "foto")
    parser = Resources()
    parser.feed(client.get(url(activity)).text)
    assert parser.found
    assert all(a.startswith("/") and not a.startswith("//") for a in parser.found), parser.found


def test_no_personal_data(client, activity, people):
    reviewer = UserFactory(
        full_name="Koordinator Zulkarnain Istimewa", role=(Role.NATIONAL_ADMIN, None)
    )
    activity.created_by = reviewer
    activity.save()
    activity_services.verify(activity, reviewer)
    text = client.get(url(activity)).text
    assert "Zulkarnain" not in text
    assert reviewer.email not in text


def test_query_count_is_bounded(client, activity, photo, django_assert_max_num_queries):
    for n in range(5):
        photo(activity, f"foto-{n}")
    with django_assert_max_num_queries(2):
        assert client.get(url(activity)).status_code == 200
