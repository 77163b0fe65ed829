"""Counting libraries per region without reading every library: `RegionLibraryCount` holds,
for each province, regency and district, its libraries by status and joining month with the
sums that place them on the map; `CountedLibrary` holds each library as it was last counted.

The write services touch a library whenever its region, status, joining date or location may
have changed (`derived.touch`); `refresh` then compares those libraries with their counted
rows and adds the difference to the regions above, by an UPDATE that adds, in the same
transaction, as `summaries.refresh` does for the month rows. `rebuild` writes both tables from
the libraries; `summaries.check` compares them with a rebuild.

Whether a library has "gone quiet" depends on today, so it is counted from the libraries
themselves (`indicators.region_counts`), not kept here.
"""

from collections import defaultdict
from decimal import Decimal

from django.db.models import BigIntegerField, Case, F, Value, When
from django.db.models.functions import Cast, Coalesce, Length, Round, Substr, TruncMonth

from inklusi.core.months import first_of_month
from inklusi.core.summary_sql import add_to, insert_select
from inklusi.libraries.models import Library
from inklusi.regions.models import CODE_LENGTH, Level

from .models import JOINED_UNKNOWN, CountedLibrary, RegionLibraryCount

# The levels with count rows, and their code lengths.
COUNT_LEVELS = (Level.PROVINCE, Level.REGENCY, Level.DISTRICT)
COUNT_FIGURES = ("libraries", "located", "latitude_sum", "longitude_sum")
MICRO = 1_000_000


def _micro_degrees(value):
    """A coordinate in millionths of a degree (exact: the column has six decimals)."""
    return int(Decimal(value) * MICRO) if value is not None else None


def count_codes(region_code):
    """The province, regency and district codes a library in `region_code` counts in."""
    return [
        region_code[: CODE_LENGTH[level]]
        for level in COUNT_LEVELS
        if len(region_code) >= CODE_LENGTH[level]
    ]


def _counted(region_id, status, joined_on, latitude, longitude):
    """(region code, status, joining month, figures) of one library."""
    located = latitude is not None
    figures = (1, int(located), _micro_degrees(latitude) or 0, _micro_degrees(longitude) or 0)
    joined = first_of_month(joined_on) if joined_on else JOINED_UNKNOWN
    return (region_id, status, joined, figures)


def _deltas(before, after):
    """{(region code, status, joining month): [figure changes]} between counted rows."""
    deltas = defaultdict(lambda: [0] * len(COUNT_FIGURES))
    for rows, sign in ((before, -1), (after, 1)):
        for region_code, status, joined, figures in rows:
            for code in count_codes(region_code):
                target = deltas[(code, status, joined)]
                for position, value in enumerate(figures):
                    target[position] += sign * value
    return {key: change for key, change in deltas.items() if any(change)}


def _add_to_regions(deltas):
    """Add each change to its region row (the level follows from the code's length)."""
    level_of_length = {CODE_LENGTH[level]: int(level) for level in COUNT_LEVELS}
    rows = [
        (code, status, joined, level_of_length[len(code)], *change)
        for (code, status, joined), change in deltas.items()
    ]
    add_to(
        RegionLibraryCount,
        ("region_code", "status", "joined_month"),
        COUNT_FIGURES,
        rows,
        replace=("level",),
    )


def refresh(library_ids):
    """Count these libraries again: the difference from their counted rows goes to the
    regions above; a deleted library leaves its regions. Runs in the write's transaction
    (`summaries.refresh_touched`), after the libraries are locked."""
    counted = {
        row[0]: (*row[1:4], tuple(row[4:]))
        for row in CountedLibrary.objects.filter(library_id__in=library_ids).values_list(
            "library_id", "region_code", "status", "joined_month", *COUNT_FIGURES
        )
    }
    now = {
        row[0]: _counted(*row[1:])
        for row in Library.objects.filter(pk__in=library_ids).values_list(
            "pk", "region_id", "status", "joined_on", "latitude", "longitude"
        )
    }
    changed = sorted(pk for pk in {*counted, *now} if counted.get(pk) != now.get(pk))
    if not changed:
        return
    _add_to_regions(
        _deltas(
            [counted[pk] for pk in changed if pk in counted],
            [now[pk] for pk in changed if pk in now],
        )
    )
    CountedLibrary.objects.filter(library_id__in=changed).delete()
    CountedLibrary.objects.bulk_create(
        CountedLibrary(
            library_id=pk,
            region_code=region_code,
            status=status,
            joined_month=joined,
            **dict(zip(COUNT_FIGURES, figures, strict=True)),
        )
        for pk in changed
        if pk in now
        for region_code, status, joined, figures in [now[pk]]
    )


def _micro_expression(name):
    return Coalesce(
        Cast(Round(F(name) * Value(Decimal(MICRO))), BigIntegerField()),
        Value(0, output_field=BigIntegerField()),
    )


def _columns(queryset, keys):
    """The queryset's k_<key> and f_<figure> columns, as `insert_select` reads them."""
    return queryset.values(*(f"k_{key}" for key in keys), *(f"f_{f}" for f in COUNT_FIGURES))


def rebuild():
    """Write both tables (emptied before) from the libraries, in SQL."""
    one, zero = Value(1, output_field=BigIntegerField()), Value(0, output_field=BigIntegerField())
    keys = ("region_code", "status", "joined_month")
    libraries = Library.objects.order_by().annotate(
        k_library_id=F("pk"),
        k_region_code=F("region_id"),
        k_status=F("status"),
        k_joined_month=Coalesce(TruncMonth("joined_on"), Value(JOINED_UNKNOWN)),
        f_libraries=one,
        f_located=Case(When(latitude__isnull=False, then=one), default=zero),
        f_latitude_sum=_micro_expression("latitude"),
        f_longitude_sum=_micro_expression("longitude"),
    )
    insert_select(
        CountedLibrary._meta.db_table,
        ("library_id", *keys),
        COUNT_FIGURES,
        [_columns(libraries, ("library_id", *keys))],
    )
    for level in COUNT_LEVELS:
        length = CODE_LENGTH[level]
        rows = (
            CountedLibrary.objects.order_by()
            .annotate(code_length=Length("region_code"))
            .filter(code_length__gte=length)
            .annotate(
                k_region_code=Substr("region_code", 1, length),
                k_level=Value(int(level)),
                **{f"k_{key}": F(key) for key in keys[1:]},
                **{f"f_{f}": F(f) for f in COUNT_FIGURES},
            )
        )
        region_keys = ("region_code", "level", *keys[1:])
        insert_select(
            RegionLibraryCount._meta.db_table,
            region_keys,
            COUNT_FIGURES,
            [_columns(rows, region_keys)],
        )
