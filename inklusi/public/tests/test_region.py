"""The activity feed of a region, and of the whole country."""

import datetime
import html

import pytest
from django.urls import reverse
from django.utils import timezone

from inklusi.activities import services as activity_services
from inklusi.activities.models import Status
from inklusi.libraries.models import Library
from inklusi.monitoring.figures import last_twelve_months, place_figures
from inklusi.monitoring.indicators import Place
from inklusi.testing.factories import ActivityFactory, MonthlyReportFactory
from inklusi.testing.photos import shows

from .test_activity import SHARE_IMAGE, meta


def url(code=None):
    return reverse("public:region", args=[code]) if code else reverse("public:index")


@pytest.fixture
def spread(libraries):
    """One published activity in Air Batu, Palembang and Medan, and a Banyuasin draft."""
    return {
        "air_batu": ActivityFactory(library=libraries.air_batu, title="Kegiatan Air Batu"),
        "palembang": ActivityFactory(library=libraries.kemang_manis, title="Kegiatan Palembang"),
        "medan": ActivityFactory(library=libraries.medan, title="Kegiatan Medan"),
        "draft": ActivityFactory(
            library=libraries.banyuasin, title="Kegiatan konsep", status=Status.DRAFT
        ),
    }


def titles(response):
    return [a.title for a in response.context["page"]]


@pytest.mark.parametrize("code", ["16", "16.07", "16.07.10", "16.07.10.1002"])
def test_anyone_can_open_it(client, spread, code):
    response = client.get(url(code))
    assert response.status_code == 200
    assert "Kegiatan Air Batu" in response.text
    assert reverse("public:activity", args=[spread["air_batu"].pk]) in response.text


def test_region_scoping(client, spread):
    banyuasin = client.get(url("16.07"))
    assert titles(banyuasin) == ["Kegiatan Air Batu"]
    assert "Kegiatan Palembang" not in banyuasin.text
    assert titles(client.get(url("16.71"))) == ["Kegiatan Palembang"]
    assert sorted(titles(client.get(url("16")))) == ["Kegiatan Air Batu", "Kegiatan Palembang"]


def test_the_whole_country(client, spread):
    response = client.get(url())
    assert response.status_code == 200
    assert sorted(titles(response)) == ["Kegiatan Air Batu", "Kegiatan Medan", "Kegiatan Palembang"]
    assert "Kegiatan konsep" not in response.text
    children = response.context["children"]
    assert [(c.name, c.activity_count) for c in children] == [
        ("Sumatera Selatan", 2),
        ("Sumatera Utara", 1),
    ]


def test_drafts_and_sent_back_activities_are_absent(client, spread, people):
    activity_services.send_back(spread["air_batu"], people.regency, "Lengkapi deskripsi.")
    response = client.get(url("16.07"))
    assert titles(response) == []
    assert "Kegiatan konsep" not in response.text
    assert "Kegiatan Air Batu" not in response.text


def test_newest_first_by_date_then_publication(client, libraries):
    today = timezone.localdate()
    now = timezone.now()
    ActivityFactory(
        library=libraries.air_batu, title="Lama", starts_on=today - datetime.timedelta(9)
    )
    ActivityFactory(
        library=libraries.air_batu, title="Baru, terbit dulu", starts_on=today, published_at=now
    )
    ActivityFactory(
        library=libraries.sukajadi,
        title="Baru, terbit kemudian",
        starts_on=today,
        published_at=now + datetime.timedelta(hours=1),
    )
    assert titles(client.get(url("16.07"))) == [
        "Baru, terbit kemudian",
        "Baru, terbit dulu",
        "Lama",
    ]


def test_paging(client, libraries):
    today = timezone.localdate()
    for n in range(25):
        ActivityFactory(
            library=libraries.air_batu,
            title=f"Kegiatan {n:02}",
            starts_on=today - datetime.timedelta(n),
        )
    first = client.get(url("16.07"))
    assert titles(first) == [f"Kegiatan {n:02}" for n in range(20)]
    assert "?page=2" in first.text
    assert titles(client.get(url("16.07"), {"page": 2})) == [
        f"Kegiatan {n:02}" for n in range(20, 25)
    ]
    assert titles(client.get(url("16.07"), {"page": 99})) == [
        f"Kegiatan {n:02}" for n in range(20, 25)
    ]


def test_photos_consented_only(client, spread, photo):
    good = photo(spread["air_batu"], "boleh-tampil")
    secret = photo(spread["air_batu"], "rahasia-anak", consent=False)
    draft = photo(spread["draft"], "foto-konsep")
    response = client.get(url("16.07"))
    assert good.thumbnail.url in response.text
    assert not shows(secret, response)
    assert not shows(draft, response)


def test_breadcrumb_children_libraries_and_feed_links(client, spread, libraries):
    response = client.get(url("16.07.10"))
    text = response.text
    assert f'href="{url("16")}">Sumatera Selatan</a>' in text
    assert f'href="{url("16.07")}">Kabupaten Banyuasin</a>' in text
    assert [c.code for c in response.context["children"]] == ["16.07.10.1002"]
    assert reverse("public:library", args=[libraries.air_batu.pk]) in text
    assert reverse("public:library", args=[libraries.sukajadi.pk]) in text
    assert reverse("public:library", args=[libraries.medan.pk]) not in text
    atom = reverse("public:region_atom", args=["16.07.10"])
    rss = reverse("public:region_rss", args=["16.07.10"])
    assert f'<link rel="alternate" type="application/atom+xml" title="Atom" href="{atom}">' in text
    assert f'<link rel="alternate" type="application/rss+xml" title="RSS" href="{rss}">' in text


def test_libraries_with_most_activities_first(client, libraries):
    ActivityFactory.create_batch(2, library=libraries.sukajadi)
    ActivityFactory(library=libraries.air_batu)
    ActivityFactory.create_batch(5, library=libraries.air_batu, status=Status.DRAFT)
    names = [lib.name for lib in client.get(url("16.07")).context["libraries"]]
    assert names[:2] == ["Perpustakaan Desa Sukajadi", "Perpustakaan Desa Air Batu"]


@pytest.mark.parametrize(
    "code", ["99", "16.99", "1607", "16.07.10.1002.1", "x" * 500, "16.07%20", "16.07'--", "١٦"]
)
def test_bad_codes_are_404(client, db, code):
    assert client.get(f"/publik/wilayah/{code}/").status_code == 404


def test_nul_in_the_code_is_refused(client, db):
    assert client.get("/publik/wilayah/16%00/").status_code in (400, 404)


def test_wrong_method_is_405(client, regions):
    assert client.post(url("16")).status_code == 405


@pytest.mark.parametrize("code", [None, "16.07"])
def test_query_count_is_bounded(client, libraries, photo, django_assert_max_num_queries, code):
    for library in (libraries.air_batu, libraries.sukajadi, libraries.banyuasin):
        for n in range(4):
            photo(ActivityFactory(library=library), f"foto-{library.pk}-{n}")
    # 8, and 3 for the summary: its summary rows, computer users (place_figures), libraries;
    # and 1 for the outcome surveys.
    with django_assert_max_num_queries(12):
        assert client.get(url(code)).status_code == 200


def test_the_page_starts_with_what_the_libraries_did_in_one_sentence(client, libraries):
    """Sums of the same figures the dashboard counts (place_figures), never a person."""
    months = last_twelve_months()
    ActivityFactory(
        library=libraries.air_batu,
        starts_on=months[-1],
        participants_female=7,
        participants_male=5,
        facilitator="Bu Rahasia",
    )
    ActivityFactory(library=libraries.kemang_manis, starts_on=months[0], participants_female=3)
    ActivityFactory(library=libraries.medan, starts_on=months[-1])  # another province
    ActivityFactory(library=libraries.air_batu, starts_on=months[0] - datetime.timedelta(1))
    MonthlyReportFactory(library=libraries.air_batu, month=months[5], visitors_female=200)
    response = client.get(url("16"))
    expected = place_figures(Place(region=libraries.regions["16"]), months)
    numbers = response.context["summary"]
    assert (numbers["activities"], numbers["participants"]) == (2, expected["participants"])
    assert numbers["visitors"] == expected["visitors"]
    libraries_there = Library.objects.filter(region__code__inside="16").count()
    sentence = (
        f"From {months[0]:%B %Y} to {months[-1]:%B %Y}, {libraries_there} libraries in "
        f"{libraries.regions['16'].label} held 2 community activities for "
        f"{expected['participants']} people and welcomed {expected['visitors']} visits."
    )
    assert response.context["sentence"] == sentence
    text = response.text
    assert text.index(html.escape(sentence)) < text.index("pub-cards")  # before the feed
    assert meta(text, "property", "og:description") == sentence
    assert meta(text, "property", "og:image") == SHARE_IMAGE
    assert "Bu Rahasia" not in text


def test_the_national_page_sums_up_the_whole_country(client, libraries):
    ActivityFactory(library=libraries.medan, starts_on=last_twelve_months()[-1])
    response = client.get(url())
    assert response.context["summary"]["activities"] == 1
    assert response.context["summary"]["libraries"] == Library.objects.count()
    assert "libraries in Indonesia held 1 community activity for" in response.text
    assert meta(response.text, "property", "og:image") == SHARE_IMAGE


def test_a_place_with_nothing_recorded_says_so(client, libraries):
    response = client.get(url("16.71"))
    where = libraries.regions["16.71"].label
    assert f"the libraries in {where} recorded no activity yet." in response.text
