"""How assistance is seen working: per regency, the questions still open and the median time
from a question to its first answer. The dashboard shows them (`monitoring/dashboard.html`)."""

import statistics
from dataclasses import dataclass
from datetime import datetime, time

from django.utils import timezone

from inklusi.core.months import add_months
from inklusi.regions.models import Region

from .models import Question


@dataclass
class RegencyAssistance:
    region: Region
    open: int = 0
    asked: int = 0
    answered: int = 0
    median_hours: float | None = None


def regency_code(code):
    return ".".join(code.split(".")[:2])


def assistance(place_code, library=None, first=None, last=None):
    """One row per regency inside the place (a region code, "" for the nation, or one
    library): questions open now, and of those asked in the months `first`..`last`, how many
    were answered and the median hours to the first answer. Regencies without any question
    in the period and none open are left out."""
    questions = Question.objects.all()
    if library is not None:
        questions = questions.filter(library=library)
    elif place_code:
        questions = questions.filter(library__region__code__inside=place_code)
    rows = {}

    def row(code):
        return rows.setdefault(regency_code(code), RegencyAssistance(region=None))

    for code in questions.open().values_list("library__region", flat=True):
        row(code).open += 1
    if first and last:
        zone = timezone.get_current_timezone()
        start = datetime.combine(first, time.min, zone)
        end = datetime.combine(add_months(last, 1), time.min, zone)
        questions = questions.filter(asked_at__gte=start, asked_at__lt=end)
    waits = {}
    for code, asked_at, answered_at in questions.values_list(
        "library__region", "asked_at", "answered_at"
    ):
        found = row(code)
        found.asked += 1
        if answered_at:
            found.answered += 1
            waits.setdefault(regency_code(code), []).append(
                (answered_at - asked_at).total_seconds() / 3600
            )
    regions = Region.objects.in_bulk(list(rows))
    for code, found in rows.items():
        found.region = regions.get(code)
        if waits.get(code):
            found.median_hours = statistics.median(waits[code])
    return sorted(
        (found for found in rows.values() if found.region),
        key=lambda found: found.region.label,
    )
