"""Journey: the province coordinator opens the monitoring dashboard, goes down to one library
with a tap on its card, climbs back with the breadcrumb, finds a library with the search,
opens the full table of a village and downloads the XLSX. The map draws its circles with no
tile server."""

import datetime
from io import BytesIO
from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from inklusi.core.months import previous_month
from inklusi.libraries.services import save_library
from inklusi.testing.factories import ActivityFactory, MonthlyReportFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Sumatera Selatan: Air Batu and Sukajadi (Banyuasin), Palembang.
LOCATIONS = {
    "air_batu": (-2.885, 104.69),
    "sukajadi": (-2.87, 104.71),
    "banyuasin": (-2.55, 104.85),
    "kemang_manis": (-2.98, 104.75),
}


@pytest.fixture
def located_libraries(libraries):
    """The libraries with coordinates, last month's reports and a few activities."""
    for name, (latitude, longitude) in LOCATIONS.items():
        library = getattr(libraries, name)
        library.latitude, library.longitude = latitude, longitude
        save_library(library)
    month = previous_month()
    for library in (libraries.air_batu, libraries.banyuasin, libraries.kemang_manis):
        MonthlyReportFactory(library=library, month=month)
    for day in (3, 17):
        ActivityFactory(library=libraries.air_batu, starts_on=month.replace(day=day))
    ActivityFactory(library=libraries.kemang_manis, starts_on=month + datetime.timedelta(days=9))
    return libraries


def dashboard_path(name, arg):
    return reverse(f"monitoring:{name}", args=[arg])


def test_province_coordinator_drills_down_to_a_library_and_downloads_the_xlsx(
    people, located_libraries, phone, phone_login
):
    page = phone
    errors, outside = [], []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on(
        "request",
        lambda request: (
            outside.append(request.url)
            if urlsplit(request.url).netloc != urlsplit(page.base_url).netloc
            else None
        ),
    )
    phone_login("sumsel@example.id")

    page.goto(page.base_url + reverse("monitoring:index"))
    page.wait_for_url(f"{page.base_url}{dashboard_path('region', '16')}")
    assert "Sumatera Selatan" in page.inner_text("h1")
    # No tiles in the tests: Leaflet still sets up the map and draws a circle per library.
    page.wait_for_selector(".dash-map.leaflet-container")
    assert page.locator(".dash-map path.leaflet-interactive").count() == len(LOCATIONS)
    assert page.locator(".dash-map .leaflet-tile").count() == 0

    # Few libraries: the cards near the top are the libraries themselves, one tap away.
    library = dashboard_path("library", located_libraries.air_batu.pk)
    assert page.locator(".dash-table:visible").count() == 0  # the full table is folded
    page.click(f".dash-card[href^='{library}?']")
    page.wait_for_url(f"{page.base_url}{library}?**")
    assert page.inner_text("h1") == "Perpustakaan Desa Air Batu"
    assert page.locator(".dash-map path.leaflet-interactive").count() == 1
    assert page.locator("nav.crumbs a").count() == 4  # province to village, not the nation

    # Up to the regency with the breadcrumb, then the search: type, tap the library.
    regency = dashboard_path("region", "16.07")
    page.click(f"nav.crumbs a[href^='{regency}?']")
    page.wait_for_url(f"{page.base_url}{regency}?**")
    page.fill("#dash-search", "sukaja")
    sukajadi = dashboard_path("library", located_libraries.sukajadi.pk)
    page.click(f"#dash-found a[href^='{sukajadi}?']")  # the type-ahead's answer
    page.wait_for_url(f"{page.base_url}{sukajadi}?**")
    assert page.inner_text("h1") == "Perpustakaan Desa Sukajadi"

    # The village's full table, one tap to unfold.
    village = dashboard_path("region", "16.07.10.1004")
    page.click(f"nav.crumbs a[href^='{village}?']")
    page.wait_for_url(f"{page.base_url}{village}?**")
    assert "Sukajadi" in page.inner_text("h1")
    page.click("#table summary")
    assert page.locator(".dash-table tbody tr").count() == 1
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    with page.expect_download() as download_info:
        page.click(f"a[href^='{village}unduh/xlsx/']")
    download = download_info.value
    assert download.suggested_filename.endswith(".xlsx")
    workbook = load_workbook(BytesIO(open(download.path(), "rb").read()))
    assert workbook.sheetnames
    assert workbook.worksheets[0].max_row > 1

    assert errors == []
    assert outside == []
