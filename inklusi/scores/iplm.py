"""The regency's literacy-index (IPLM) data collection: the elements each library can give
(collection titles and copies, staff and trained staff from its profile; members and daily
visits from its monthly reports; community participation from its published activities) for
one year, laid out one library a row, with the fill rate of each element and the libraries
still missing it (an element is missing when the library gave nothing for it that year)."""

from dataclasses import dataclass

from django.db.models import Count, F, OuterRef, Subquery, Sum
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from inklusi.activities.models import Activity
from inklusi.core.exports import (
    XLSX_TYPE,
    finish_sheet,
    header_text,
    new_workbook,
    sheet_title_text,
    style_header,
)
from inklusi.core.months import previous_month
from inklusi.core.numbers import half_up
from inklusi.libraries.models import Library
from inklusi.regions.models import Region
from inklusi.reports.models import MonthlyReport


@dataclass(frozen=True)
class Element:
    key: str
    label: str
    # The IPLM element (UPLM) the figure feeds.
    uplm: str


ELEMENTS = (
    Element("collection_titles", gettext_lazy("Collection: titles"), "UPLM 2"),
    Element("collection_copies", gettext_lazy("Collection: copies"), "UPLM 2"),
    Element("staff", gettext_lazy("Library staff"), "UPLM 3"),
    Element("trained_staff", gettext_lazy("Trained staff"), "UPLM 3"),
    Element("daily_visits", gettext_lazy("Daily visits (average)"), "UPLM 4"),
    Element("participants", gettext_lazy("Community participation (participants)"), "UPLM 6"),
    Element("members", gettext_lazy("Members"), "UPLM 7"),
)


def year_asked(text, today=None):
    """The year asked for (?tahun=2026), else the year of the last complete month."""
    default = previous_month(today or timezone.localdate()).year
    return int(text) if (text or "").isdigit() and 2000 <= int(text) <= default else default


def rows(regency, year):
    """Each library of the regency with the year's value of every element (None: not given),
    in three queries."""
    latest_members = (
        MonthlyReport.objects.filter(library=OuterRef("pk"), month__year=year, total_members__gt=0)
        .order_by("-month")
        .values("total_members")[:1]
    )
    libraries = (
        Library.objects.filter(region__code__inside=regency.code)
        .select_related("region")
        .annotate(members=Subquery(latest_members))
        .order_by("region_id", "name")
    )
    visits = {
        row["library"]: row
        for row in MonthlyReport.objects.filter(
            library__region__code__inside=regency.code, month__year=year, open_days__gt=0
        )
        .values("library")
        .annotate(visitors=Sum(F("visitors_female") + F("visitors_male")), days=Sum("open_days"))
        .order_by()
    }
    activities = {
        row["library"]: row
        for row in Activity.objects.published()
        .filter(library__region__code__inside=regency.code, starts_on__year=year)
        .values("library")
        .annotate(
            n=Count("pk"),
            participants=Sum(F("participants_female") + F("participants_male")),
        )
        .order_by()
    }
    result = []
    for library in libraries:
        visit = visits.get(library.pk)
        held = activities.get(library.pk)
        values = {
            "collection_titles": library.collection_titles,
            "collection_copies": library.collection_copies,
            "staff": library.staff,
            "trained_staff": library.trained_staff,
            "daily_visits": half_up(visit["visitors"] / visit["days"], 1) if visit else None,
            "participants": held["participants"] if held and held["participants"] else None,
            "members": library.members,
        }
        result.append((library, values, held["n"] if held else 0))
    return result


def fill_rates(table):
    """Per element: (element, given, libraries, rate in percent, libraries missing it)."""
    total = len(table)
    rates = []
    for element in ELEMENTS:
        missing = [library for library, values, _n in table if values[element.key] is None]
        given = total - len(missing)
        rate = half_up(100 * given / total, 1) if total else None
        rates.append((element, given, total, rate, missing))
    return rates


def _sheet(workbook, title, headers, body, widths):
    sheet = workbook.create_sheet(sheet_title_text(title))
    sheet.append([header_text(h) for h in headers])
    for cell in sheet[1]:
        style_header(cell)
    for row in body:
        sheet.append(row)
    finish_sheet(sheet, 1, len(headers), sheet.max_row, dict(enumerate(widths, start=1)))
    return sheet


def workbook(regency, year):
    table = rows(regency, year)
    districts = Region.objects.in_bulk(
        list({library.region_id[:8] for library, _v, _n in table if len(library.region_id) > 5})
    )

    def district(library):
        found = districts.get(library.region_id[:8])
        return found.name if found else ""

    book = new_workbook()
    _sheet(
        book,
        _("IPLM data"),
        [
            _("Library"),
            _("Kind"),
            _("NPP"),
            _("District"),
            _("Village"),
            *(f"{element.label} ({element.uplm})" for element in ELEMENTS),
            _("Activities"),
        ],
        [
            [
                library.name,
                library.get_kind_display(),
                library.npp,
                district(library),
                library.region.name if len(library.region_id) > 8 else "",
                *(values[element.key] for element in ELEMENTS),
                held,
            ]
            for library, values, held in table
        ],
        [40, 18, 14, 20, 20, *(16 for _e in ELEMENTS), 12],
    )
    rates = fill_rates(table)
    _sheet(
        book,
        _("Fill rate"),
        [
            _("Element"),
            _("IPLM element"),
            _("Libraries that gave it"),
            _("Libraries"),
            _("Fill rate (%)"),
            _("Libraries missing it"),
        ],
        [
            [
                str(element.label),
                element.uplm,
                given,
                total,
                rate,
                "; ".join(library.name for library in missing),
            ]
            for element, given, total, rate, missing in rates
        ],
        [36, 12, 14, 12, 12, 80],
    )
    _sheet(
        book,
        _("Missing"),
        [_("Element"), _("Library"), _("District"), _("NPP")],
        [
            [str(element.label), library.name, district(library), library.npp]
            for element, _given, _total, _rate, missing in rates
            for library in missing
        ],
        [36, 40, 20, 14],
    )
    return book


def workbook_response(regency, year):
    response = HttpResponse(content_type=XLSX_TYPE)
    name = f"iplm-{regency.code}-{year}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    workbook(regency, year).save(response)
    return response
