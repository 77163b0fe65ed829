"""The regency's IPLM download, opened with openpyxl: one row per library, fill rate per
element, the libraries missing each."""

import datetime
from io import BytesIO

import openpyxl
import pytest
from django.urls import reverse

from inklusi.testing.exports import assert_styled_like_every_sheet
from inklusi.testing.factories import ActivityFactory, MonthlyReportFactory

from .helpers import frozen


@pytest.fixture
def filled(libraries, monkeypatch):
    frozen(monkeypatch)
    air_batu, office = libraries.air_batu, libraries.banyuasin
    air_batu.collection_titles, air_batu.collection_copies = 1200, 2500
    air_batu.staff, air_batu.trained_staff = 3, 1
    air_batu.save()
    office.collection_titles = 15000
    office.save()
    for month, days, visitors in ((1, 20, 400), (2, 20, 200)):
        MonthlyReportFactory(
            library=air_batu,
            month=datetime.date(2026, month, 1),
            open_days=days,
            visitors_female=visitors,
            visitors_male=0,
            total_members=150 + month,
        )
    ActivityFactory(library=air_batu, starts_on=datetime.date(2026, 3, 3))
    # Last year's figures do not fill this year's.
    MonthlyReportFactory(library=office, month=datetime.date(2025, 12, 1))
    return libraries


def sheets(response):
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    return openpyxl.load_workbook(BytesIO(response.content))


def test_the_workbook_lays_out_each_library(filled, people, login):
    response = login(people.regency).get(reverse("iplm:regency", args=["16.07"]))
    book = sheets(response)
    data = book.worksheets[0]
    headers = [cell.value for cell in data[1]]
    rows = {
        row[0]: dict(zip(headers, row, strict=True)) for row in data.iter_rows(2, values_only=True)
    }
    assert set(rows) == {
        "Perpustakaan Desa Air Batu",
        "Perpustakaan Desa Sukajadi",
        "Perpustakaan Daerah Banyuasin",
    }
    air_batu = rows["Perpustakaan Desa Air Batu"]
    values = list(air_batu.values())
    # titles, copies, staff, trained staff, daily visits 600/40, participants, members (latest)
    assert values[5:12] == [1200, 2500, 3, 1, 15, 12, 152]
    assert_styled_like_every_sheet(data)


def test_the_fill_rate_and_who_is_missing(filled, people, login):
    response = login(people.regency).get(reverse("iplm:regency", args=["16.07"]))
    rates = sheets(response).worksheets[1]
    rows = list(rates.iter_rows(2, values_only=True))
    # The elements in order: titles, copies, staff, trained staff, visits, participants, members.
    assert [row[1] for row in rows] == [
        "UPLM 2",
        "UPLM 2",
        "UPLM 3",
        "UPLM 3",
        "UPLM 4",
        "UPLM 6",
        "UPLM 7",
    ]
    titles = rows[0]
    assert titles[2:5] == (2, 3, 66.7)
    assert titles[5] == "Perpustakaan Desa Sukajadi"
    visits = rows[4]
    assert visits[2:5] == (1, 3, 33.3)
    assert "Perpustakaan Daerah Banyuasin" in visits[5]
    missing = sheets(response).worksheets[2]
    pairs = [row[:2] for row in missing.iter_rows(2, values_only=True)]
    # 7 elements × 3 libraries, less what was given: 2 + 1 + 1 + 1 + 1 + 1 + 1.
    assert len(pairs) == 21 - 8


def test_an_earlier_year_is_chosen_by_address(filled, people, login):
    response = login(people.regency).get(reverse("iplm:regency", args=["16.07"]), {"tahun": "2025"})
    rates = sheets(response).worksheets[1]
    members = list(rates.iter_rows(2, values_only=True))[6]
    assert members[2] == 1  # the office's December 2025 report


@pytest.mark.parametrize("year", ["abc", "1999", "3000", "2026%00"])
def test_an_odd_year_gives_this_year(filled, people, login, year):
    response = login(people.regency).get(reverse("iplm:regency", args=["16.07"]), {"tahun": year})
    assert response.status_code == 200
    assert "2026" in response["Content-Disposition"]


@pytest.mark.parametrize("code", ["16", "16.07.10", "99.99"])
def test_only_a_regency_has_the_download(filled, people, login, code):
    assert login(people.admin).get(reverse("iplm:regency", args=[code])).status_code == 404


def test_outside_the_scope_is_404(filled, people, login):
    assert login(people.charlie).get(reverse("iplm:regency", args=["16.07"])).status_code == 404
    assert login(people.manager).get(reverse("iplm:regency", args=["16.07"])).status_code == 404
