"""Atom and RSS feeds of published activities, national and per region."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from django.utils import timezone

from inklusi.activities import services as activity_services
from inklusi.activities.models import Status
from inklusi.testing.factories import ActivityFactory
from inklusi.testing.photos import shows

ATOM = "{http://www.w3.org/2005/Atom}"


def atom_entries(response):
    root = ET.fromstring(response.content)
    return [
        {
            "title": entry.find(f"{ATOM}title").text,
            "link": entry.find(f"{ATOM}link[@rel='alternate']").get("href"),
            "summary": entry.find(f"{ATOM}summary").text,
            "enclosures": [
                link.get("href") for link in entry.findall(f"{ATOM}link[@rel='enclosure']")
            ],
        }
        for entry in root.findall(f"{ATOM}entry")
    ]


def rss_items(response):
    root = ET.fromstring(response.content)
    return [
        {
            "title": item.findtext("title"),
            "link": item.findtext("link"),
            "description": item.findtext("description"),
            "enclosures": [e.get("url") for e in item.findall("enclosure")],
        }
        for item in root.find("channel").findall("item")
    ]


def public_url(activity):
    return "http://testserver" + reverse("public:activity", args=[activity.pk])


@pytest.fixture
def spread(libraries):
    return {
        "air_batu": ActivityFactory(
            library=libraries.air_batu, title="Kegiatan Air Batu", description="Membaca " * 60
        ),
        "palembang": ActivityFactory(library=libraries.kemang_manis, title="Kegiatan Palembang"),
        "draft": ActivityFactory(
            library=libraries.sukajadi, title="Kegiatan konsep", status=Status.DRAFT
        ),
    }


def test_region_atom(client, spread):
    response = client.get(reverse("public:region_atom", args=["16.07"]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    entries = atom_entries(response)
    assert [e["title"] for e in entries] == ["Kegiatan Air Batu"]
    assert entries[0]["link"] == public_url(spread["air_batu"])
    assert entries[0]["summary"].startswith("Membaca Membaca")
    assert len(entries[0]["summary"]) <= 200


def test_region_rss(client, spread):
    response = client.get(reverse("public:region_rss", args=["16.71"]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    items = rss_items(response)
    assert [i["title"] for i in items] == ["Kegiatan Palembang"]
    assert items[0]["link"] == public_url(spread["palembang"])
    assert items[0]["description"] == "Anak-anak membaca bersama."


def test_national_feeds(client, spread, libraries):
    ActivityFactory(library=libraries.medan, title="Kegiatan Medan")
    expected = {"Kegiatan Air Batu", "Kegiatan Palembang", "Kegiatan Medan"}
    assert {e["title"] for e in atom_entries(client.get(reverse("public:atom")))} == expected
    assert {i["title"] for i in rss_items(client.get(reverse("public:rss")))} == expected


def test_drafts_and_sent_back_activities_are_absent(client, spread, people):
    activity_services.send_back(spread["air_batu"], people.regency, "Lengkapi.")
    for name in ("public:atom", "public:rss"):
        response = client.get(reverse(name))
        assert b"Kegiatan konsep" not in response.content
        assert b"Kegiatan Air Batu" not in response.content
        assert b"Kegiatan Palembang" in response.content


def test_thirty_latest_items(client, libraries):
    today = timezone.localdate()
    for n in range(32):
        ActivityFactory(
            library=libraries.air_batu,
            title=f"Kegiatan {n:02}",
            starts_on=today - datetime.timedelta(n),
        )
    entries = atom_entries(client.get(reverse("public:region_atom", args=["16"])))
    assert [e["title"] for e in entries] == [f"Kegiatan {n:02}" for n in range(30)]
    assert len(rss_items(client.get(reverse("public:rss")))) == 30


def test_enclosure_is_the_first_consented_photo(client, spread, photo):
    secret = photo(spread["air_batu"], "rahasia-anak", consent=False)
    good = photo(spread["air_batu"], "boleh-tampil")
    photo(spread["air_batu"], "kedua")
    atom = client.get(reverse("public:atom"))
    rss = client.get(reverse("public:region_rss", args=["16.07"]))
    for response in (atom, rss):
        assert not shows(secret, response)
    absolute = "http://testserver" + good.image.url
    entry = next(e for e in atom_entries(atom) if e["title"] == "Kegiatan Air Batu")
    assert entry["enclosures"] == [absolute]
    assert rss_items(rss)[0]["enclosures"] == [absolute]


def test_enclosure_length_is_the_photos_real_size_in_bytes(client, spread, photo, settings):
    good = photo(spread["air_batu"], "boleh-tampil")
    size = (settings.MEDIA_ROOT / good.image.name).stat().st_size
    assert size > 1000
    root = ET.fromstring(client.get(reverse("public:rss")).content)
    enclosures = root.findall("channel/item/enclosure")
    assert [(e.get("length"), e.get("type")) for e in enclosures] == [(str(size), "image/jpeg")]
    atom = ET.fromstring(client.get(reverse("public:atom")).content)
    (link,) = atom.findall(f"{ATOM}entry/{ATOM}link[@rel='enclosure']")
    assert link.get("length") == str(size)


def test_a_photo_whose_file_is_gone_is_left_out_not_a_server_error(client, spread, photo):
    good = photo(spread["air_batu"], "hilang")
    good.image.storage.delete(good.image.name)
    response = client.get(reverse("public:rss"))
    assert response.status_code == 200
    assert all(not i["enclosures"] for i in rss_items(response))


def test_no_photo_no_enclosure(client, spread):
    assert all(not i["enclosures"] for i in rss_items(client.get(reverse("public:rss"))))


@pytest.mark.parametrize("code", ["99", "16.99", "x" * 300, "16.07'"])
@pytest.mark.parametrize("name", ["public:region_atom", "public:region_rss"])
def test_bad_codes_are_404(client, db, name, code):
    assert client.get(reverse(name, args=[code])).status_code == 404


def test_query_count_is_bounded(client, libraries, photo, django_assert_max_num_queries):
    for n in range(6):
        photo(ActivityFactory(library=libraries.air_batu), f"foto-{n}")
    with django_assert_max_num_queries(3):
        assert client.get(reverse("public:region_atom", args=["16.07"])).status_code == 200
    with django_assert_max_num_queries(2):
        assert client.get(reverse("public:rss")).status_code == 200
