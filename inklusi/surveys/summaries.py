"""The survey summary tables: one row per library and month of the activities surveyed
(`SurveyMonth`), and the same counts per region and month for the nation (""), provinces,
regencies and districts (`SurveyRegionMonth`).

An answer costs one insert and one summary update: `add()` adds its counts to the library's
row and the four region rows above it with an atomic `INSERT … ON CONFLICT DO UPDATE SET
x = x + excluded.x`, in the answer's transaction. When an activity moves (another month,
another library) or a library moves region, the activity services touch those library-months
(`core.derived`) and `refresh_touched` rewrites them from the raw answers and carries the
difference to the regions. `check()` compares the tables with a fresh aggregate of the raw
answers; `rebuild()` writes them again (both in `manage.py summaries`).
"""

from collections import defaultdict

from django.db import transaction
from django.db.models import Count, F, Q
from django.db.models.functions import TruncMonth

from inklusi.core.derived import EVERY_MONTH
from inklusi.core.months import first_of_month
from inklusi.core.summary_sql import add_to
from inklusi.libraries.models import Library

from .models import (
    AGREE_FROM,
    OUTCOMES,
    SURVEY_FIGURES,
    Livelihood,
    Response,
    SurveyMonth,
    SurveyRegionMonth,
)

SUMMARY_CODE_LENGTHS = (0, 2, 5, 8)
BATCH = 5000


def summary_codes(region_code):
    return [region_code[:n] for n in SUMMARY_CODE_LENGTHS if len(region_code) >= n]


def response_figures(response):
    """{figure: 0 or 1} that one answer adds."""
    figures = dict.fromkeys(SURVEY_FIGURES, 0)
    figures["responses"] = 1
    for outcome in OUTCOMES:
        figures[f"{outcome}_agree"] = int(getattr(response, outcome) >= AGREE_FROM)
    figures["livelihood_asked"] = int(bool(response.livelihood))
    figures["livelihood_yes"] = int(response.livelihood in (Livelihood.MONEY, Livelihood.BUSINESS))
    figures["followups"] = int(response.applied is not None)
    figures["applied"] = int(response.applied is True)
    return figures


def _region_rows(deltas):
    """{(region_code, month): {figure: change}} of the nation, province, regency and district
    above each library row of `deltas` {(library_id, month, region_code): {figure: change}}."""
    region = defaultdict(lambda: dict.fromkeys(SURVEY_FIGURES, 0))
    for (_library_id, month, region_code), figures in deltas.items():
        for code in summary_codes(region_code):
            target = region[(code, month)]
            for name, value in figures.items():
                target[name] += value
    return {key: values for key, values in region.items() if any(values.values())}


def _add_to_regions(deltas):
    """Add the changes of these library rows to the region rows (atomic upserts)."""
    rows = _region_rows(deltas)
    add_to(
        SurveyRegionMonth,
        ("region_code", "month"),
        SURVEY_FIGURES,
        [(*key, *(values[f] for f in SURVEY_FIGURES)) for key, values in rows.items()],
    )


def add(response, sign=1, figures=None):
    """The summary update of one answer (or of its follow-up: `figures` only): its counts
    added to the library's row and the region rows above it."""
    activity = response.survey.activity
    figures = figures or response_figures(response)
    changes = {name: sign * figures.get(name, 0) for name in SURVEY_FIGURES}
    month, region_code = first_of_month(activity.starts_on), activity.library.region_id
    add_to(
        SurveyMonth,
        ("library_id", "month"),
        SURVEY_FIGURES,
        [(activity.library_id, month, region_code, *changes.values())],
        replace=("region_code",),
    )
    _add_to_regions({(activity.library_id, month, region_code): changes})


def _fresh(responses):
    """{(library_id, month, region_code): {figure: count}} of these raw answers."""
    agree = {
        f"{outcome}_agree": Count("pk", filter=Q(**{f"{outcome}__gte": AGREE_FROM}))
        for outcome in OUTCOMES
    }
    rows = (
        responses.order_by()
        .values(
            k_library=F("survey__activity__library_id"),
            k_month=TruncMonth("survey__activity__starts_on"),
            k_region=F("survey__activity__library__region_id"),
        )
        .annotate(
            responses=Count("pk"),
            **agree,
            livelihood_asked=Count("pk", filter=~Q(livelihood="")),
            livelihood_yes=Count(
                "pk", filter=Q(livelihood__in=[Livelihood.MONEY, Livelihood.BUSINESS])
            ),
            followups=Count("pk", filter=Q(applied__isnull=False)),
            applied=Count("pk", filter=Q(applied=True)),
        )
    )
    return {
        (row["k_library"], row["k_month"], row["k_region"]): {f: row[f] for f in SURVEY_FIGURES}
        for row in rows
    }


def _stored(**filters):
    return {
        (row["library_id"], row["month"], row["region_code"]): {f: row[f] for f in SURVEY_FIGURES}
        for row in SurveyMonth.objects.filter(**filters).values(
            "library_id", "month", "region_code", *SURVEY_FIGURES
        )
    }


def _insert_library_rows(rows):
    SurveyMonth.objects.bulk_create(
        (
            SurveyMonth(library_id=library_id, month=month, region_code=region_code, **figures)
            for (library_id, month, region_code), figures in rows.items()
        ),
        batch_size=BATCH,
    )


def refresh(library_id, months=EVERY_MONTH):
    """Rewrite a library's rows of `months` (or all) from the raw answers; the regions get
    the difference."""
    stored = {"library_id": library_id}
    raw = Response.objects.filter(survey__activity__library_id=library_id)
    if months != EVERY_MONTH:
        months = {first_of_month(m) for m in months}
        starts = Q()
        for month in months:
            starts |= Q(survey__activity__starts_on__year=month.year) & Q(
                survey__activity__starts_on__month=month.month
            )
        raw = raw.filter(starts)
        stored["month__in"] = months
    before, after = _stored(**stored), _fresh(raw)
    deltas = defaultdict(lambda: dict.fromkeys(SURVEY_FIGURES, 0))
    for rows, sign in ((before, -1), (after, 1)):
        for key, figures in rows.items():
            for name, value in figures.items():
                deltas[key][name] += sign * value
    SurveyMonth.objects.filter(**stored).delete()
    _insert_library_rows(after)
    _add_to_regions(deltas)


def _surveyed(library_ids):
    """The libraries among `library_ids` that have survey answers or survey rows (one
    query: most writes touch libraries without any, and stop here)."""
    rows = SurveyMonth.objects.filter(library_id__in=library_ids).values_list("library_id")
    answers = Response.objects.filter(survey__activity__library_id__in=library_ids).values_list(
        "survey__activity__library_id"
    )
    return {library_id for (library_id,) in rows.union(answers)}


def refresh_touched(keys):
    """Registered with `core.derived`: each touched library's survey rows follow its
    activities (a moved date or library, a deleted activity, a library in another region)."""
    surveyed = _surveyed(list(keys))
    # One refresh of a library at a time (two writers at once would both insert its rows),
    # locked in library order as the dashboard's summaries lock them.
    list(
        Library.objects.select_for_update()
        .filter(pk__in=sorted(surveyed))
        .order_by("pk")
        .values_list("pk")
    )
    for library_id, months in sorted(keys.items()):
        if library_id in surveyed and months:  # no months: only the library's counts changed
            refresh(library_id, EVERY_MONTH if EVERY_MONTH in months else months)


def rebuild():
    with transaction.atomic():
        SurveyMonth.objects.all().delete()
        SurveyRegionMonth.objects.all().delete()
        fresh = _fresh(Response.objects.all())
        _insert_library_rows(fresh)
        SurveyRegionMonth.objects.bulk_create(
            (
                SurveyRegionMonth(region_code=code, month=month, **figures)
                for (code, month), figures in _region_rows(fresh).items()
            ),
            batch_size=BATCH,
        )


def _nonzero(model, keys):
    zero = dict.fromkeys(SURVEY_FIGURES, 0)
    return {
        tuple(row[k] for k in keys) + tuple(row[f] for f in SURVEY_FIGURES)
        for row in model.objects.exclude(**zero).values(*keys, *SURVEY_FIGURES)
    }


def check():
    """{table: (rows only stored, rows only in a fresh aggregate)}; the rebuild is rolled
    back."""
    tables = (
        (SurveyMonth, ("library_id", "month", "region_code")),
        (SurveyRegionMonth, ("region_code", "month")),
    )
    with transaction.atomic():
        stored = {model: _nonzero(model, keys) for model, keys in tables}
        rebuild()
        fresh = {model: _nonzero(model, keys) for model, keys in tables}
        transaction.set_rollback(True)
    return {
        model._meta.db_table: (len(stored[model] - fresh[model]), len(fresh[model] - stored[model]))
        for model, _keys in tables
    }
