"""The public page of a library."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from inklusi.accounts.models import Role
from inklusi.activities import services as activity_services
from inklusi.activities.models import Status
from inklusi.core.months import add_months, this_month
from inklusi.libraries.services import save_library
from inklusi.monitoring.figures import last_twelve_months
from inklusi.testing.factories import ActivityFactory, MonthlyReportFactory, UserFactory
from inklusi.testing.photos import shows

from .test_activity import SHARE_IMAGE, meta


def url(library):
    return reverse("public:library", args=[library.pk])


def months_ago(n):
    return add_months(this_month(), -n)


@pytest.fixture
def library(libraries):
    lib = libraries.air_batu
    lib.whatsapp = "6281234567890"
    lib.email = "perpus.airbatu@example.id"
    lib.instagram = "https://instagram.com/perpusairbatu"
    lib.opening_hours = "Senin–Jumat 08.00–15.00"
    lib.description = "Perpustakaan desa di tepi sungai."
    lib.latitude, lib.longitude = "-2.871200", "104.612300"
    lib.save()
    return lib


def test_anyone_can_open_it(client, library):
    response = client.get(url(library))
    assert response.status_code == 200
    text = response.text
    assert "Perpustakaan Desa Air Batu" in text
    assert "Village/kelurahan library" in text
    assert "Perpustakaan desa di tepi sungai." in text
    assert "Senin–Jumat 08.00–15.00" in text
    assert "https://wa.me/6281234567890" in text
    assert "mailto:perpus.airbatu@example.id" in text
    assert "https://instagram.com/perpusairbatu" in text
    assert 'data-lat="-2.871200"' in text and 'data-lng="104.612300"' in text
    assert 'data-tiles=""' in text  # no tile server in tests: the pin still shows
    for code, name in [("16", "Sumatera Selatan"), ("16.07", "Kabupaten Banyuasin")]:
        assert f'<a href="{reverse("public:region", args=[code])}">{name}</a>' in text


def test_every_library_is_public(client, libraries):
    assert client.get(url(libraries.medan)).status_code == 200


def test_bad_id_is_404(client, db):
    assert client.get(reverse("public:library", args=[987654])).status_code == 404


def test_wrong_method_is_405(client, library):
    assert client.post(url(library)).status_code == 405


def test_no_manager_names_or_user_emails(client, library):
    manager = UserFactory(
        full_name="Sitinurbaya Pengelolaistimewa",
        email="sitinurbaya.rahasia@example.id",
        role=(Role.LIBRARY_MANAGER, library),
    )
    ActivityFactory(library=library, created_by=manager)
    text = client.get(url(library)).text
    assert "Sitinurbaya" not in text
    assert "Pengelolaistimewa" not in text
    assert manager.email not in text


def test_only_published_activities_with_consented_photos(client, library, people, photo):
    shown = ActivityFactory(library=library, title="Kegiatan terbit")
    ActivityFactory(library=library, title="Kegiatan konsep", status=Status.DRAFT)
    returned = ActivityFactory(library=library, title="Kegiatan dikembalikan")
    activity_services.send_back(returned, people.regency, "Perbaiki jumlah peserta.")
    good = photo(shown, "boleh-tampil")
    secret = photo(shown, "rahasia-anak", consent=False)
    sent_back = photo(returned, "dikembalikan-foto")
    response = client.get(url(library))
    text = response.text
    assert "Kegiatan terbit" in text
    assert reverse("public:activity", args=[shown.pk]) in text
    assert "Kegiatan konsep" not in text
    assert "Kegiatan dikembalikan" not in text
    assert good.thumbnail.url in text
    assert not shows(secret, response)
    assert not shows(sent_back, response)


def test_activities_newest_first_and_paged(client, library):
    today = timezone.localdate()
    for n in range(12):
        ActivityFactory(
            library=library, title=f"Kegiatan nomor {n:02}", starts_on=today - datetime.timedelta(n)
        )
    first = client.get(url(library))
    titles = [a.title for a in first.context["page"]]
    assert titles == [f"Kegiatan nomor {n:02}" for n in range(10)]
    second = client.get(url(library), {"page": 2})
    assert [a.title for a in second.context["page"]] == ["Kegiatan nomor 10", "Kegiatan nomor 11"]
    assert client.get(url(library), {"page": "x\u00a0"}).status_code == 200


def test_headline_figures_of_the_last_twelve_months(client, library):
    rows = [
        MonthlyReportFactory(library=library, month=months_ago(1)),
        MonthlyReportFactory(
            library=library,
            month=months_ago(6),
            visitors_female=300,
            visitors_male=100,
            loans=77,
            new_members=3,
            computer_users=11,
            internet_users=9,
        ),
        MonthlyReportFactory(library=library, month=months_ago(12), visitors_female=5),
    ]
    MonthlyReportFactory(library=library, month=months_ago(13), visitors_female=9999, loans=8888)
    MonthlyReportFactory(library=library, month=months_ago(0), visitors_female=7777)
    months = last_twelve_months()
    first, last = months[0], months[-1]
    ActivityFactory(library=library, starts_on=first)
    ActivityFactory(library=library, starts_on=last + datetime.timedelta(days=3))
    ActivityFactory(library=library, starts_on=last, status=Status.DRAFT)
    ActivityFactory(library=library, starts_on=first - datetime.timedelta(days=1))
    response = client.get(url(library))
    figures = response.context["figures"]
    female = sum(r.visitors_female for r in rows)
    visitors = female + sum(r.visitors_male for r in rows)
    assert figures["reports"] == 3
    assert figures["visitors"] == visitors
    assert figures["visitors_women_share"] == 100 * female / visitors
    assert figures["loans"] == sum(r.loans for r in rows)
    assert figures["new_members"] == sum(r.new_members for r in rows)
    assert figures["computer_users"] == sum(r.computer_users for r in rows)
    assert figures["internet_users"] == sum(r.internet_users for r in rows)
    assert figures["activities"] == 2
    assert f"<strong>{visitors:,}</strong>" in response.text  # English grouping in tests


def test_no_reports_yet(client, library):
    MonthlyReportFactory(library=library, month=months_ago(14))
    response = client.get(url(library))
    assert response.context["figures"] is None
    assert "No monthly reports yet." in response.text


def test_a_candidate_shows_what_it_reported(client, library):
    """A candidate's reports are not expected (the dashboard does not count them as filed),
    but its visitors count, so its public page still shows them."""
    from inklusi.libraries.models import Status as LibraryStatus

    library.status, library.joined_on = LibraryStatus.CANDIDATE, None
    save_library(library)
    MonthlyReportFactory(library=library, month=months_ago(2), visitors_female=40)
    figures = client.get(url(library)).context["figures"]
    assert figures is not None
    assert figures["visitors"] >= 40


def test_query_count_is_bounded(client, library, photo, django_assert_max_num_queries):
    for n in range(10):
        photo(ActivityFactory(library=library), f"foto-{n}")
    MonthlyReportFactory(library=library)
    # 7, one for the chosen stories of change and one for the outcome surveys.
    with django_assert_max_num_queries(9):
        assert client.get(url(library)).status_code == 200


def test_link_preview_has_a_picture_and_a_description(client, library):
    text = client.get(url(library)).text
    assert meta(text, "property", "og:image") == SHARE_IMAGE
    assert meta(text, "property", "og:description") == "Perpustakaan desa di tepi sungai."
    library.description = ""
    library.save()
    ActivityFactory(library=library, starts_on=last_twelve_months()[-1])
    MonthlyReportFactory(library=library, month=months_ago(2), visitors_female=70, visitors_male=5)
    text = client.get(url(library)).text
    assert meta(text, "property", "og:description") == (
        "Perpustakaan Desa Air Batu in Kelurahan Air Batu — Talang Kelapa, Kabupaten Banyuasin: "
        "75 visits and 1 community activity in the last twelve months."
    )


def test_the_two_activity_counts_say_what_each_counts(client, library):
    """ "8 activities" above "Activities (9)" looked like a mistake: the figure counts the
    twelve complete months, the list every published activity (this month's too)."""
    MonthlyReportFactory(library=library, month=months_ago(1))
    ActivityFactory(library=library, starts_on=timezone.localdate())  # this month
    ActivityFactory(library=library, starts_on=months_ago(2))
    ActivityFactory(library=library, starts_on=months_ago(14))
    page = client.get(url(library)).content.decode()
    assert "<strong>1</strong> activities in these twelve months" in page
    assert "All published activities (3)" in page
