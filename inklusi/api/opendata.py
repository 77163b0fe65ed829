"""Open data: the programme's indicators per province and regency and month, as CSV and JSON
at stable addresses (/data/v1/indikator.csv, /data/v1/indikator.json), for anyone, under
CC BY 4.0.

The figures are the dashboard's (monitoring.indicators: the same summary rows, the same
library counts, the same `indicators` function), so a region's month reads the same here as
on its dashboard. Nothing personal is published, and a region-month with fewer than
MIN_LIBRARIES libraries in the programme or reports filed shows no figures: with so few, a
figure could point at one library and its manager.
"""

import csv
import io
import json

from django.core.cache import cache
from django.db.models import Min
from django.http import HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_safe

from inklusi.core.months import month_range, previous_month
from inklusi.core.numbers import half_up
from inklusi.monitoring.indicators import Place, children, indicators
from inklusi.monitoring.models import RegionMonth
from inklusi.regions.models import Level

LICENCE = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
ATTRIBUTION = "Inklusi — Program Transformasi Perpustakaan Berbasis Inklusi Sosial"
MIN_LIBRARIES = 5
# At most this many months back (ten years: the whole programme).
MAX_MONTHS = 120
CACHE_SECONDS = 60 * 60
# The published figures of a region-month, in the order of the columns.
FIGURES = (
    "libraries",
    "reports",
    "expected_reports",
    "compliance",
    "on_time",
    "visitors",
    "visitors_female",
    "visitors_male",
    "members",
    "new_members",
    "loans",
    "activities",
    "participants",
    "participants_female",
    "participants_male",
    "women_share",
    "inclusion_share",
)
# Shares are published rounded half up to one decimal, as the dashboard shows them.
SHARES = {"compliance", "on_time", "women_share", "inclusion_share"}
# Each row names the licence, so it travels with any extract of the file.
COLUMNS = ("region_code", "region_name", "level", "month", "suppressed", *FIGURES, "licence")


def published_months():
    """The full months from the first with any figure up to last month (at most MAX_MONTHS)."""
    last = previous_month()
    first = RegionMonth.objects.aggregate(first=Min("month"))["first"]
    if first is None or first > last:
        return []
    months = month_range(first, last)
    return months[-MAX_MONTHS:] if len(months) > MAX_MONTHS else months


def rows():
    """One dict per region (province, regency) and month, oldest month first."""
    months = published_months()
    if not months:
        return []
    window_start = months[0]
    provinces = [child for child in children(Place(), months, window_start) if child.region]
    places = list(provinces)
    for province in provinces:
        below = children(Place(region=province.region), months, window_start)
        places += [child for child in below if child.region]
    found = [
        _row(child.region, month, indicators(child.months, child.counts, [month]))
        for child in places
        for month in months
    ]
    found.sort(key=lambda row: (row["month"], row["region_code"]))
    return found


def _row(region, month, figures):
    hidden = figures["libraries"] < MIN_LIBRARIES or figures["reports"] < MIN_LIBRARIES
    row = {
        "region_code": region.code,
        "region_name": region.name,
        "level": "province" if region.level == Level.PROVINCE else "regency",
        "month": f"{month:%Y-%m}",
        "suppressed": hidden,
        "licence": LICENCE,
    }
    for name in FIGURES:
        value = figures[name]
        if hidden and name != "libraries":
            value = None
        elif name in SHARES and value is not None:
            value = float(half_up(value))
        row[name] = value
    return row


def cached(fmt, render):
    """The file in format `fmt` as `render(rows)` writes it, built at most once an hour (and
    again each day); the written file is kept, not the rows, so a worker sends it as is."""
    key = f"opendata:indicators:{fmt}:{timezone.localdate():%Y-%m-%d}"
    found = cache.get(key)
    if found is None:
        found = render(rows())
        cache.set(key, found, CACHE_SECONDS)
    return found


def metadata():
    return {
        "title": "Indikator Program Transformasi Perpustakaan Berbasis Inklusi Sosial",
        "licence": LICENCE,
        "licence_url": LICENCE_URL,
        "attribution": ATTRIBUTION,
        "generated": timezone.localdate().isoformat(),
        "suppression": (
            f"Figures of a region and month with fewer than {MIN_LIBRARIES} libraries in the "
            f"programme or fewer than {MIN_LIBRARIES} reports filed are left empty."
        ),
        "columns": list(COLUMNS),
    }


def _public(response):
    response["Cache-Control"] = f"public, max-age={CACHE_SECONDS}"
    response["Access-Control-Allow-Origin"] = "*"
    response["Link"] = f'<{LICENCE_URL}>; rel="license"'
    return response


@require_safe
def indicators_csv(request):
    """Plain CSV in UTF-8 with a byte-order mark (so Excel reads the accents), one header row
    and then only data, so Excel's and Power BI's "From Web" read it as it is; the licence is
    a column of every row."""
    response = HttpResponse(cached("csv", _csv), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="indikator.csv"'
    return _public(response)


def _csv(found):
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in found:
        writer.writerow(["" if row[c] is None else _cell(row[c]) for c in COLUMNS])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _cell(value):
    if isinstance(value, bool):
        return "1" if value else "0"
    return value


@require_safe
def indicators_json(request):
    response = HttpResponse(cached("json", _json), content_type="application/json; charset=utf-8")
    return _public(response)


def _json(found):
    return json.dumps({"metadata": metadata(), "data": found}, ensure_ascii=False).encode()
