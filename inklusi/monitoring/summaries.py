"""Writing the summary tables: from scratch (`rebuild`), for one library's months as its reports
and activities change (`changes`, `touch`, `refresh`), and checking them against the raw data
(`check`).

Every write of a report, an activity or a library goes through its app's services, which open
`with summaries.changes():` and `touch` the (library, month) keys they change. At the end of the
outermost block each touched library is refreshed once, inside the same transaction, so the
dashboard never lags behind the data and "create and publish" costs one refresh, not two.
Writes that skip the services (`QuerySet.update`, `bulk_create`, raw SQL, bulk loaders) skip
the summaries: they call `rebuild()` afterwards. The same refresh keeps the libraries' counts
per region (`library_counts`).

One aggregation, `_insert_library_rows`, turns raw reports and activities into library rows;
`rebuild` runs it for everything, `refresh` for one library and a few months. `refresh` then
compares the library's rows before and after and adds the difference to the region rows of
the nation, province, regency and district above it, so the region tables change in the same
transaction as the report or activity, by an UPDATE that adds (no lost update between two
writers).
"""

import datetime
from collections import defaultdict

from django.db import connection, transaction
from django.db.models import (
    BigIntegerField,
    Case,
    Count,
    F,
    Max,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import ExtractMonth, ExtractYear, Length, Substr, TruncMonth

from inklusi.activities.models import Activity
from inklusi.core.derived import EVERY_MONTH
from inklusi.core.months import first_of_month
from inklusi.core.summary_sql import add_to, insert_select
from inklusi.libraries.models import Library
from inklusi.reports.models import MonthlyReport
from inklusi.reports.queries import REPORTING_STATUSES

from . import library_counts
from .library_counts import COUNT_FIGURES
from .models import (
    ACTIVITY_FIGURES,
    CATEGORY_FIGURES,
    MONTH_FIGURES,
    REPORT_FIGURES,
    CountedLibrary,
    LibraryMonth,
    LibraryMonthCategory,
    RegionLibraryCount,
    RegionMonth,
    RegionMonthCategory,
)

# Code lengths of the levels that have region rows: nation "", province, regency, district.
SUMMARY_CODE_LENGTHS = (0, 2, 5, 8)

# FELL_RULE: a month's visitors "fell sharply" when the library reported that month, the
# average of its reports of the three months before is at least FELL_FLOOR, and the month's
# visitors are below FELL_SHARE of that average.
FELL_FLOOR = 20
FELL_SHARE = 0.5

KEY_COLUMNS = ("library_id", "month", "month_index", "region_code")

SUMMARY_MODELS = (
    LibraryMonth,
    LibraryMonthCategory,
    RegionMonth,
    RegionMonthCategory,
    CountedLibrary,
    RegionLibraryCount,
)
FIGURES_OF = {
    LibraryMonth: MONTH_FIGURES,
    RegionMonth: MONTH_FIGURES,
    LibraryMonthCategory: CATEGORY_FIGURES,
    RegionMonthCategory: CATEGORY_FIGURES,
    CountedLibrary: COUNT_FIGURES,
    RegionLibraryCount: COUNT_FIGURES,
}


def summary_codes(region_code):
    """The codes of the region rows a library in `region_code` adds to: the nation and each
    province, regency and district above it (or equal to it)."""
    return [region_code[:n] for n in SUMMARY_CODE_LENGTHS if len(region_code) >= n]


def month_index(day):
    return day.year * 12 + day.month - 1


def _index_expression(date_field):
    return ExtractYear(date_field) * 12 + ExtractMonth(date_field) - 1


def _report_rows(reports):
    """One row per report, with MONTH_FIGURES as `f_<name>` (activity figures 0). A report
    counts as filed (`reports`, `reports_on_time`) only when it was expected: from a library
    in the programme, for a month from the one it joined on; its figures count in any case."""
    expected = Q(library__status__in=REPORTING_STATUSES) & (
        Q(library__joined_on__isnull=True) | Q(k_joined__lte=F("month"))
    )

    def count_if(condition):
        return Case(
            When(condition, then=Value(1)), default=Value(0), output_field=BigIntegerField()
        )

    figures = {
        "f_reports": count_if(expected),
        "f_reports_on_time": count_if(expected & Q(filed_on_time=True)),
        **{f"f_{name}": F(name) for name in REPORT_FIGURES[2:]},
        **{f"f_{name}": Value(0, output_field=BigIntegerField()) for name in ACTIVITY_FIGURES},
    }
    return (
        reports.annotate(k_joined=TruncMonth("library__joined_on"))
        .annotate(
            k_library_id=F("library_id"),
            k_month=F("month"),
            k_month_index=_index_expression("month"),
            k_region_code=F("library__region_id"),
            **figures,
        )
        .values("k_library_id", "k_month", "k_month_index", "k_region_code", *figures)
    )


def _grouped_activities(activities, extra_keys=()):
    return (
        activities.order_by()
        .annotate(
            k_library_id=F("library_id"),
            k_month=TruncMonth("starts_on"),
            k_month_index=_index_expression("starts_on"),
            k_region_code=F("library__region_id"),
        )
        .values("k_library_id", "k_month", "k_month_index", "k_region_code", *extra_keys)
    )


def _activity_rows(activities):
    """Published activities added up per library and month, as `_report_rows`."""
    figures = {
        **{f"f_{name}": Value(0, output_field=BigIntegerField()) for name in REPORT_FIGURES},
        "f_activities": Count("pk"),
        **{f"f_{name}": Sum(name) for name in ACTIVITY_FIGURES[1:]},
    }
    return _grouped_activities(activities).annotate(**figures)


def _category_rows(activities):
    return (
        _grouped_activities(activities)
        .annotate(k_category_id=F("category_id"))
        .values("k_library_id", "k_month", "k_month_index", "k_region_code", "k_category_id")
        .annotate(
            f_activities=Count("pk"),
            f_participants=Sum(F("participants_female") + F("participants_male")),
        )
    )


def _insert_library_rows(reports, activities):
    """Library rows (both tables) from these raw reports and activities."""
    published = activities.filter(status="published")
    insert_select(
        LibraryMonth._meta.db_table,
        KEY_COLUMNS,
        [f for f in MONTH_FIGURES if f != "fell"],
        [_report_rows(reports), _activity_rows(published)],
    )
    insert_select(
        LibraryMonthCategory._meta.db_table,
        (*KEY_COLUMNS, "category_id"),
        CATEGORY_FIGURES,
        [_category_rows(published)],
    )


def _fell_ids(library_ids=None):
    """Ids of the LibraryMonth rows (of some libraries, or all) that meet FELL_RULE, from a
    window over each library's months, so one pass serves millions of rows. Written in SQL:
    Django cannot express a RANGE frame that ends before the current row."""
    where, params = "", []
    if library_ids is not None:
        ids = list(library_ids)
        where, params = f"WHERE library_id IN ({', '.join(['%s'] * len(ids))})", ids
    return RawSQL(
        f"""SELECT id FROM (
            SELECT id, reports, visitors_female + visitors_male AS visitors,
                AVG(CASE WHEN reports = 1 THEN visitors_female + visitors_male END) OVER (
                    PARTITION BY library_id ORDER BY month_index
                    RANGE BETWEEN 3 PRECEDING AND 1 PRECEDING
                ) AS usual
            FROM {LibraryMonth._meta.db_table} {where}
        ) AS months
        WHERE reports = 1 AND usual >= %s AND visitors < usual * %s""",
        [*params, FELL_FLOOR, FELL_SHARE],
    )


def _roll_up(library_model, region_model, keys, figures):
    """Region rows of every summary level, added up from the library rows."""
    for length in SUMMARY_CODE_LENGTHS:
        rows = library_model.objects.order_by()
        if length:
            rows = rows.annotate(code_length=Length("region_code")).filter(code_length__gte=length)
            rows = rows.annotate(k_region_code=Substr("region_code", 1, length))
        else:
            rows = rows.annotate(k_region_code=Value(""))
        rows = rows.annotate(**{f"k_{k}": F(k) for k in keys}).values(
            "k_region_code", *(f"k_{k}" for k in keys)
        )
        rows = rows.annotate(**{f"f_{f}": Sum(f) for f in figures})
        insert_select(region_model._meta.db_table, ("region_code", *keys), figures, [rows])


def rebuild():
    """Write every summary table again from the raw data."""
    with transaction.atomic():
        for model in SUMMARY_MODELS:
            model.objects.all().delete()
        _insert_library_rows(MonthlyReport.objects.all(), Activity.objects.all())
        if connection.vendor == "postgresql":
            # Fresh statistics, or the planner may take the new millions of rows for an empty
            # table and pick a plan that never ends for the steps below.
            with connection.cursor() as cursor:
                cursor.execute(
                    f"ANALYZE {LibraryMonth._meta.db_table}, {LibraryMonthCategory._meta.db_table}"
                )
        LibraryMonth.objects.filter(id__in=_fell_ids()).update(fell=1)
        _roll_up(LibraryMonth, RegionMonth, ("month",), MONTH_FIGURES)
        _roll_up(
            LibraryMonthCategory, RegionMonthCategory, ("month", "category_id"), CATEGORY_FIGURES
        )
        last_activity = (
            Activity.objects.published()
            .filter(library=OuterRef("pk"))
            .order_by()
            .values("library")
            .annotate(last=Max("starts_on"))
            .values("last")
        )
        Library.objects.update(last_activity_on=Subquery(last_activity))
        library_counts.rebuild()


def _snapshot(model, keys, figures, **filters):
    """{(library_id, region_code, *keys): {figure: value}} of some libraries' rows."""
    rows = model.objects.filter(**filters).values("library_id", "region_code", *keys, *figures)
    return {
        tuple(row[k] for k in ("library_id", "region_code", *keys)): {f: row[f] for f in figures}
        for row in rows
    }


def _region_deltas(before, after, figures):
    """{(region_code, *keys): {figure: change}} from libraries' rows before and after."""
    deltas = defaultdict(lambda: dict.fromkeys(figures, 0))
    for rows, sign in ((before, -1), (after, 1)):
        for (_library_id, region_code, *keys), values in rows.items():
            for code in summary_codes(region_code):
                target = deltas[(code, *keys)]
                for figure in figures:
                    target[figure] += sign * values[figure]
    return {key: d for key, d in deltas.items() if any(d.values())}


def _add_to_regions(region_model, keys, deltas):
    """Add each change {(region_code, *keys): {figure: change}} to its region row."""
    if not deltas:
        return
    figures = list(next(iter(deltas.values())))
    rows = [(*key, *(change[f] for f in figures)) for key, change in deltas.items()]
    add_to(region_model, ("region_code", *keys), figures, rows)


def _following_months(months, count=3):
    found = set()
    for month in months:
        for _ in range(count + 1):
            found.add(month)
            month = first_of_month(month + datetime.timedelta(days=32))
    return found


def refresh(library_ids, months):
    """Rewrite the libraries' rows for `months` from their raw reports and activities and
    carry the difference to the region rows, in a few statements whatever the number of
    libraries. `fell` of the three following months depends on these months too, so it is
    recomputed for them. Runs at the end of `changes()`, in its transaction, with the
    libraries locked (`refresh_touched`)."""
    library_ids = sorted(library_ids)
    months = {first_of_month(m) for m in months}
    window = _following_months(months)
    month_keys, category_keys = ("month",), ("month", "category_id")
    before = _snapshot(
        LibraryMonth, month_keys, MONTH_FIGURES, library_id__in=library_ids, month__in=window
    )
    before_categories = _snapshot(
        LibraryMonthCategory,
        category_keys,
        CATEGORY_FIGURES,
        library_id__in=library_ids,
        month__in=months,
    )
    LibraryMonth.objects.filter(library_id__in=library_ids, month__in=months).delete()
    LibraryMonthCategory.objects.filter(library_id__in=library_ids, month__in=months).delete()
    starts = Q()
    for month in months:
        starts |= Q(starts_on__year=month.year, starts_on__month=month.month)
    _insert_library_rows(
        MonthlyReport.objects.filter(library_id__in=library_ids, month__in=months),
        Activity.objects.filter(starts, library_id__in=library_ids),
    )
    LibraryMonth.objects.filter(library_id__in=library_ids, month__in=window).update(
        fell=Case(When(id__in=_fell_ids(library_ids), then=Value(1)), default=Value(0))
    )
    after = _snapshot(
        LibraryMonth, month_keys, MONTH_FIGURES, library_id__in=library_ids, month__in=window
    )
    after_categories = _snapshot(
        LibraryMonthCategory,
        category_keys,
        CATEGORY_FIGURES,
        library_id__in=library_ids,
        month__in=months,
    )
    _add_to_regions(RegionMonth, month_keys, _region_deltas(before, after, MONTH_FIGURES))
    _add_to_regions(
        RegionMonthCategory,
        category_keys,
        _region_deltas(before_categories, after_categories, CATEGORY_FIGURES),
    )


def _refresh_last_activity(library_ids):
    last = (
        Activity.objects.published()
        .filter(library=OuterRef("pk"))
        .order_by()
        .values("library")
        .annotate(last=Max("starts_on"))
        .values("last")
    )
    Library.objects.filter(pk__in=library_ids).update(last_activity_on=Subquery(last))


def _summary_months(library_ids):
    """{library id: the months it has summary rows for}: every month its raw rows fall in."""
    months = defaultdict(set)
    for model in (LibraryMonth, LibraryMonthCategory):
        rows = model.objects.filter(library_id__in=library_ids).values_list("library_id", "month")
        for library_id, month in rows.distinct():
            months[library_id].add(month)
    return months


# Libraries refreshed together by `refresh_touched` (each batch in a few statements).
REFRESH_BATCH = 500


def refresh_touched(keys):
    """Refresh the libraries of {library id: months} once (registered with
    `core.derived.on_changes`, so every write service's `changes()` block ends here). A batch
    of libraries is refreshed together over the union of its months: rewriting a month that
    did not change writes the same rows again and moves no region total."""
    # In library order, so that two writers lock libraries in the same order.
    ordered = sorted(keys)
    for start in range(0, len(ordered), REFRESH_BATCH):
        batch = ordered[start : start + REFRESH_BATCH]
        # One refresh of a library at a time: two at once would both rewrite its rows.
        list(
            Library.objects.select_for_update()
            .filter(pk__in=batch)
            .order_by("pk")
            .values_list("pk")
        )
        every = [library_id for library_id in batch if EVERY_MONTH in keys[library_id]]
        stored = _summary_months(every) if every else {}
        months = set()
        for library_id in batch:
            months |= keys[library_id] - {EVERY_MONTH}
            months |= stored.get(library_id, set())
        if months:
            refresh(batch, months)
        _refresh_last_activity(batch)
        # Only a library's own write (every month, or none) can change how it is counted.
        counted = [pk for pk in batch if EVERY_MONTH in keys[pk] or not keys[pk]]
        if counted:
            library_counts.refresh(counted)


def _compared_columns(model):
    """Keys and figures (not the row id, not month_index which follows from the month)."""
    return [f.column for f in model._meta.fields if f.column not in ("id", "month_index")]


def _nonzero_rows_sql(model):
    """The table's rows, all-zero rows left out: a refresh leaves a region row at zero where
    a rebuild writes none."""
    all_zero = " AND ".join(f"{f} = 0" for f in FIGURES_OF[model])
    columns = ", ".join(_compared_columns(model))
    return f"SELECT {columns} FROM {model._meta.db_table} WHERE NOT ({all_zero})"


def check():
    """{table: (rows only in the stored table, rows only in a fresh rebuild)}: all zeros mean
    the summaries agree with the raw data. Runs in SQL (EXCEPT both ways) so that it works on
    millions of rows; nothing is changed, the rebuild is rolled back."""
    differences = {}
    with transaction.atomic(), connection.cursor() as cursor:
        for model in SUMMARY_MODELS:
            cursor.execute(
                f"CREATE TEMPORARY TABLE stored_{model._meta.db_table} AS "
                + _nonzero_rows_sql(model)
            )
        cursor.execute(
            "CREATE TEMPORARY TABLE stored_last_activity AS "
            f"SELECT id, last_activity_on FROM {Library._meta.db_table}"
        )
        rebuild()
        for model in SUMMARY_MODELS:
            fresh, stored = _nonzero_rows_sql(model), f"SELECT * FROM stored_{model._meta.db_table}"
            counts = []
            for first, second in ((stored, fresh), (fresh, stored)):
                cursor.execute(f"SELECT COUNT(*) FROM ({first} EXCEPT {second}) AS difference")
                counts.append(cursor.fetchone()[0])
            differences[model._meta.db_table] = tuple(counts)
        cursor.execute(
            f"SELECT COUNT(*) FROM {Library._meta.db_table} AS library "
            "JOIN stored_last_activity AS stored ON stored.id = library.id "
            "WHERE library.last_activity_on IS NOT stored.last_activity_on"
            if connection.vendor == "sqlite"
            else f"SELECT COUNT(*) FROM {Library._meta.db_table} AS library "
            "JOIN stored_last_activity AS stored ON stored.id = library.id "
            "WHERE library.last_activity_on IS DISTINCT FROM stored.last_activity_on"
        )
        differences["last_activity_on"] = (cursor.fetchone()[0], 0)
        transaction.set_rollback(True)
    return differences
