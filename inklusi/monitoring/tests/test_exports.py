"""The dashboard's downloads: an XLSX workbook whose figures equal the dashboard's, text kept as
text, and a one-page PDF; both only for places the user may see, and only for a real period."""

import datetime
from io import BytesIO

import pytest
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook
from pypdf import PdfReader

from inklusi.core.months import add_months, previous_month
from inklusi.core.numbers import half_up
from inklusi.libraries.models import Kind
from inklusi.monitoring import exports
from inklusi.monitoring.indicators import INDICATORS, Place, dashboard
from inklusi.monitoring.page import DECIMALS
from inklusi.monitoring.periods import Period
from inklusi.testing.exports import assert_styled_like_every_sheet
from inklusi.testing.factories import ActivityFactory, LibraryFactory, MonthlyReportFactory
from inklusi.testing.pdf import text_outside_page, text_runs

SHEETS = ["Summary", "Places", "Attention", "Trend", "Definitions"]
FORMULA = '=HYPERLINK("http://evil.example","Klik")'


@pytest.fixture(autouse=True)
def english(client):
    client.cookies["django_language"] = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def last_month():
    return previous_month()


@pytest.fixture
def records(libraries, last_month):
    """Banyuasin's two libraries in the programme: Air Batu reported last month and ran an
    activity, the regency library did not; both reported the month before."""
    before = add_months(last_month, -1)
    MonthlyReportFactory(library=libraries.air_batu, month=last_month)  # 120 + 95 visitors
    for library in (libraries.air_batu, libraries.banyuasin):
        MonthlyReportFactory(library=library, month=before, visitors_female=100, visitors_male=100)
    ActivityFactory(
        library=libraries.air_batu,
        starts_on=last_month + datetime.timedelta(days=4),
        participants_female=7,
        participants_male=5,
    )
    return libraries


def export_url(region, fmt, period):
    query = f"?period=month&at={period:%Y-%m}"
    return reverse("monitoring:region_export", kwargs={"code": region, "fmt": fmt}) + query


def workbook_of(response):
    assert response.status_code == 200
    assert response["Content-Type"] == exports.XLSX_TYPE
    return load_workbook(BytesIO(response.content))


def rows_of(sheet):
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def test_the_workbook_holds_the_dashboard_figures(people, login, records, last_month):
    response = login(people.regency).get(export_url("16.07", "xlsx", last_month))
    assert response["Content-Disposition"] == (
        f'attachment; filename="pantauan-kabupaten-banyuasin-{last_month:%Y-%m}-'
        f'{last_month:%Y-%m}.xlsx"'
    )
    workbook = workbook_of(response)
    assert workbook.sheetnames == SHEETS

    summary = rows_of(workbook["Summary"])
    assert summary[0][:2] == ["Place", "Kabupaten Banyuasin"]
    assert summary[1][1] == Period(last_month, last_month, "month").label
    by_label = {row[0]: row[1:5] for row in summary if row[0]}
    # By hand: two libraries in the programme, one of two reports filed (all of the month
    # before), 215 visitors (400 before), one activity with 7 women among 12 participants.
    assert by_label["Libraries in the programme"][:3] == [2, 2, 0]
    assert by_label["Reports filed"][:3] == [0.5, 1, -50]  # the change in points
    assert by_label["Visitors"][:3] == [215, 400, -185]
    assert by_label["Activities"][:2] == [1, 0]
    assert by_label["Participants"][0] == 12
    assert by_label["Women and girls among participants"][0] == pytest.approx(0.583)  # 58,3%
    assert by_label["Activities per library per month"][0] == pytest.approx(0.5)
    assert by_label["Monthly reports expected"][:2] == [2, 2]
    assert by_label["Monthly reports filed"][:2] == [1, 2]
    assert by_label["Beneficiary"][0] == 2
    assert by_label["Candidate"][0] == 1
    assert by_label["Literacy and reading"][:3] == [1, 12, 0]

    # Every indicator equals the dashboard's own figure (shares as fractions).
    board = dashboard(Place(region=records.regions["16.07"]), Period(last_month, last_month))
    for indicator in INDICATORS:
        value = board.figures[indicator.key]
        if indicator.unit != "count" and value is not None:
            value = float(half_up(value, DECIMALS[indicator.unit]))  # as the page rounds
        if indicator.unit == "percent" and value is not None:
            value /= 100
        assert by_label[str(indicator.label)][0] == pytest.approx(value), indicator.key
    cells = {row[0].value: row[1] for row in workbook["Summary"].iter_rows() if row[0].value}
    assert cells["Reports filed"].number_format == "0.0%"
    assert cells["Activities per library per month"].number_format == "0.00"
    for sheet in workbook.worksheets:
        header_row = 5 if sheet.title == "Summary" else 1
        assert_styled_like_every_sheet(sheet, header_row)
    changes = {row[0].value: row[3] for row in workbook["Summary"].iter_rows() if row[0].value}
    assert changes["Reports filed"].number_format.startswith('+0.0" pt"')
    assert workbook["Trend"]["A2"].is_date and workbook["Trend"]["A2"].number_format == "yyyy-mm"

    places = rows_of(workbook["Places"])
    assert places[0][:3] == ["Name", "Code", "Libraries in the programme"]
    assert workbook["Places"].freeze_panes == "A2"
    assert places[1][:4] == ["District Talang Kelapa", "16.07.10", 1, 1]
    assert places[2][0] == "Perpustakaan Daerah Banyuasin"
    assert places[2][2:4] == [1, 0]
    assert places[-1][:3] == ["Total: Kabupaten Banyuasin", "16.07", 2]

    trend = rows_of(workbook["Trend"])
    assert trend[0] == ["Month", "Visitors", "Activities", "Participants"]
    assert trend[-1][1:] == [215, 1, 12]
    assert trend[-1][0].date() == last_month

    definitions = rows_of(workbook["Definitions"])
    assert [row[0] for row in definitions[1 : len(INDICATORS) + 1]] == [
        str(indicator.label) for indicator in INDICATORS
    ]
    assert any(row[0] and row[0].startswith("Generated on") for row in definitions)


def test_the_attention_sheet_lists_the_libraries_and_says_when_capped(
    people, login, records, last_month, monkeypatch
):
    # Quiet for 60 days: the regency library and a new one, never active (Air Batu was
    # active last month). The export lists one of them here, and says so.
    LibraryFactory(name="Perpustakaan Desa Sukajadi Baru", region=records.regions["16.07.10.1004"])
    monkeypatch.setattr(exports, "ATTENTION_EXPORT_LIMIT", 1)
    response = login(people.regency).get(export_url("16.07", "xlsx", last_month))
    attention = rows_of(workbook_of(response)["Attention"])
    assert attention[0] == [
        "List",
        "Library",
        "Region",
        "Region code",
        "WhatsApp number",
        "Last activity",
        "Visitors",
    ]
    quiet = [row for row in attention if row[0].startswith("No activity since") and row[1]]
    assert quiet == [
        [quiet[0][0], "Perpustakaan Daerah Banyuasin", "Kabupaten Banyuasin", "16.07"] + [None] * 3
    ]
    assert any("the first 1 of 2 libraries are listed" in row[0] for row in attention)

    monkeypatch.setattr(exports, "ATTENTION_EXPORT_LIMIT", 5000)
    response = login(people.regency).get(export_url("16.07", "xlsx", last_month))
    attention = rows_of(workbook_of(response)["Attention"])
    quiet = [row[1] for row in attention if row[0].startswith("No activity since") and row[1]]
    assert quiet == ["Perpustakaan Daerah Banyuasin", "Perpustakaan Desa Sukajadi Baru"]
    assert not any("are listed" in row[0] for row in attention)


def test_a_name_written_as_a_formula_stays_text(people, login, records, last_month):
    LibraryFactory(name=FORMULA, kind=Kind.REGENCY, region=records.regions["16.07"])
    workbook = workbook_of(login(people.regency).get(export_url("16.07", "xlsx", last_month)))
    found = [
        cell
        for sheet in ("Places", "Attention")
        for row in workbook[sheet].iter_rows()
        for cell in row
        if cell.value == FORMULA
    ]
    assert len(found) >= 2
    assert all(cell.data_type == "s" for cell in found)


def pdf_of(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(BytesIO(response.content))
    return reader, " ".join(page.extract_text() for page in reader.pages)


def test_the_pdf_is_one_page_with_the_place(people, login, records, last_month):
    response = login(people.regency).get(export_url("16.07", "pdf", last_month))
    assert response["Content-Disposition"] == (
        f'attachment; filename="pantauan-kabupaten-banyuasin-{last_month:%Y-%m}-'
        f'{last_month:%Y-%m}.pdf"'
    )
    reader, text = pdf_of(response)
    assert len(reader.pages) == 1
    assert "Kabupaten Banyuasin" in text
    assert "Perpus. Daerah Banyuasin" in text  # shortened the usual way, not cut
    assert text_outside_page(response.content, margin_mm=9, edge_mm=3) == []
    assert "Libraries that need a call" in text


def test_the_pdf_stays_on_one_page_with_many_long_named_places(people, login, records):
    for number in range(20):
        LibraryFactory(
            name=(f"Perpustakaan Umum Dengan Nama Yang Sangat Panjang Sekali {number} " * 4)[:200],
            kind=Kind.REGENCY,
            region=records.regions["16.07"],
        )
    client = login(people.admin)
    reader, text = pdf_of(client.get(reverse("monitoring:nation_export", kwargs={"fmt": "pdf"})))
    assert len(reader.pages) == 1
    url = reverse("monitoring:region_export", kwargs={"code": "16.07", "fmt": "pdf"})
    response = client.get(url)
    reader, text = pdf_of(response)
    assert len(reader.pages) == 1
    assert "7 more places in the spreadsheet" in text
    assert text_outside_page(response.content, margin_mm=9, edge_mm=3) == []


def test_the_longest_district_and_age_labels_stay_whole_on_one_line(
    people, login, records, last_month
):
    records.regions["16.07.10"].name = "Buay Pematang Ribu Ranau Tengah"  # the longest there is
    records.regions["16.07.10"].save()
    ActivityFactory(
        library=records.air_batu,
        starts_on=last_month + datetime.timedelta(days=6),
        participants_female=3,
        participants_male=5,
        **{f"participants_{age}": 2 for age in ("children", "youth", "adults", "elderly")},
    )
    client = login(people.regency)
    client.cookies["django_language"] = "id"
    response = client.get(export_url("16.07", "pdf", last_month))
    lines = {run[1].strip() for run in text_runs(response.content)}
    assert any(line.startswith("Kec. Buay Pematang Ribu Ranau Tengah ") for line in lines)
    for label in ("anak (0–12)", "remaja (13–24)", "dewasa (25–59)", "lansia (60+)"):
        assert any(line.startswith(label) for line in lines), label
    assert text_outside_page(response.content, margin_mm=9, edge_mm=3) == []


def test_a_library_exports_its_own_figures(people, login, records, last_month):
    url = reverse("monitoring:library_export", kwargs={"pk": records.air_batu.pk, "fmt": "pdf"})
    reader, text = pdf_of(login(people.manager).get(url))
    assert len(reader.pages) == 1
    assert "Perpustakaan Desa Air Batu" in text
    url = reverse("monitoring:library_export", kwargs={"pk": records.air_batu.pk, "fmt": "xlsx"})
    summary = rows_of(workbook_of(login(people.manager).get(url))["Summary"])
    assert summary[0][1] == "Perpustakaan Desa Air Batu"


@pytest.mark.parametrize(
    "who, name, kwargs",
    [
        ("regency", "region_export", {"code": "16.71", "fmt": "xlsx"}),
        ("regency", "region_export", {"code": "16.71", "fmt": "pdf"}),
        ("charlie", "region_export", {"code": "16.07", "fmt": "xlsx"}),
        ("regency", "region_export", {"code": "16", "fmt": "xlsx"}),
        ("regency", "nation_export", {"fmt": "xlsx"}),
        ("admin", "nation_export", {"fmt": "csv"}),
        ("admin", "region_export", {"code": "16.07", "fmt": "docx"}),
        ("admin", "region_export", {"code": "99", "fmt": "xlsx"}),
    ],
)
def test_exports_outside_the_users_places_or_formats_are_not_found(
    people, login, who, name, kwargs
):
    url = reverse(f"monitoring:{name}", kwargs=kwargs)
    assert login(getattr(people, who)).get(url).status_code == 404


def test_another_librarys_export_is_not_found(people, login, libraries):
    url = reverse("monitoring:library_export", kwargs={"pk": libraries.medan.pk, "fmt": "xlsx"})
    assert login(people.manager).get(url).status_code == 404
    assert login(people.regency).get(url).status_code == 404


def test_an_impossible_period_is_refused_not_a_server_error(people, login):
    url = reverse("monitoring:region_export", kwargs={"code": "16.07", "fmt": "xlsx"})
    response = login(people.regency).get(url + "?period=range&from=2026-05&to=2026-01")
    assert response.status_code == 400
    response = login(people.admin).get(
        reverse("monitoring:nation_export", kwargs={"fmt": "pdf"}) + "?period=month&at=juli"
    )
    assert response.status_code == 400


def test_exports_need_a_login(client):
    response = client.get(reverse("monitoring:nation_export", kwargs={"fmt": "xlsx"}))
    assert response.status_code == 302
