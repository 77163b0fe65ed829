"""The dashboard's indicators for one place (the nation, a region or a library) and a period,
with the same indicators for each place one level down.

Figures come from the summary tables (models.py): region rows for the nation, provinces,
regencies and districts, library rows below. Library counts (status, reports expected,
where they are on the map) of the provinces, regencies and districts come from their count
rows (`library_counts`); those gone quiet, and the libraries of a district's villages, are
counted from the libraries themselves, in one grouped query.
A place's page asks a fixed number of queries, whatever the number of libraries below it.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from operator import itemgetter

from django.db.models import Count, Exists, F, OuterRef, Q, Sum, Value
from django.db.models.functions import Greatest, Substr
from django.db.models.lookups import LessThan
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inklusi.activities.models import Category
from inklusi.core.charts import bar_list, column_chart
from inklusi.core.months import add_months, as_date, first_of_month, previous_month
from inklusi.core.summary_sql import read_rows, read_sums
from inklusi.libraries.models import QUIET_ORDER, Library, Status
from inklusi.regions.models import CODE_LENGTH, Level, Region
from inklusi.reports.models import MonthlyReport, due_date
from inklusi.reports.queries import REPORTING_STATUSES

from .library_counts import COUNT_FIGURES, MICRO
from .models import (
    CATEGORY_FIGURES,
    MONTH_FIGURES,
    LibraryMonth,
    LibraryMonthCategory,
    RegionLibraryCount,
    RegionMonth,
    RegionMonthCategory,
)

# A library with no published activity for this many days has "gone quiet".
QUIET_DAYS = 60
# Below the district, figures are added up from library rows.
SUMMARY_LEVELS = (Level.PROVINCE, Level.REGENCY, Level.DISTRICT)
AGE_GROUPS = (
    ("participants_children", _("children (0–12)")),
    ("participants_youth", _("youth (13–24)")),
    ("participants_adults", _("adults (25–59)")),
    ("participants_elderly", _("elderly (60+)")),
)
INCLUSION_GROUPS = (
    ("participants_disability", _("persons with disabilities")),
    ("participants_low_income", _("from low-income families")),
    ("participants_out_of_school", _("children and youth out of school")),
)


@dataclass(frozen=True)
class Indicator:
    key: str
    label: str
    definition: str
    unit: str = "count"  # count, percent (a share, compared in points) or decimal
    # A state of today, whatever the period: it has no value for a previous period.
    as_of_today: bool = False


# The indicators of the page, the table and the exports, in the order shown.
INDICATORS = (
    Indicator(
        "libraries",
        _("Libraries in the programme"),
        _(
            "Libraries with the status beneficiary, replicating or independent that had joined "
            "by the end of the period."
        ),
    ),
    Indicator(
        "compliance",
        _("Reports filed"),
        _(
            "Monthly reports filed for the period's months, as a share of the reports expected: "
            "one a month from each library in the programme, from the month it joined."
        ),
        "percent",
    ),
    Indicator(
        "on_time",
        _("Reports on time"),
        _("Reports filed by the 10th of the following month, as a share of those expected."),
        "percent",
    ),
    Indicator(
        "late",
        _("Reports late"),
        _(
            "Reports filed after the 10th of the following month or still missing after it, as "
            "a share of those expected."
        ),
        "percent",
    ),
    Indicator("visitors", _("Visitors"), _("Visits counted in the monthly reports.")),
    Indicator("visitors_female", _("Visitors: women and girls"), _("Part of the visitors above.")),
    Indicator("visitors_male", _("Visitors: men and boys"), _("Part of the visitors above.")),
    Indicator(
        "members",
        _("Members"),
        _("Members in total, as reported for the latest month of the period with reports."),
    ),
    Indicator("new_members", _("New members"), _("New members over the period.")),
    Indicator("loans", _("Books lent"), _("Loans counted in the monthly reports.")),
    Indicator(
        "activities",
        _("Activities"),
        _("Published community activities that started in the period."),
    ),
    Indicator(
        "participants",
        _("Participants"),
        _("People taking part in those activities (women and men added up)."),
    ),
    Indicator(
        "women_share",
        _("Women and girls among participants"),
        _("Female participants as a share of all participants."),
        "percent",
    ),
    Indicator(
        "inclusion_share",
        _("Inclusion groups among participants"),
        _(
            "Participants with a disability, from low-income families or out of school, as a "
            "share of all participants. One person may belong to several groups; the share "
            "is capped at 100%."
        ),
        "percent",
    ),
    Indicator(
        "activities_per_library",
        _("Activities per library per month"),
        _("Activities divided by the library-months in the programme (reports expected)."),
        "decimal",
    ),
    Indicator(
        "quiet",
        _("Libraries quiet for 60 days"),
        _(
            "Libraries in the programme with no published activity in the last 60 days, as of "
            "today (whatever the period)."
        ),
        as_of_today=True,
    ),
)
INDICATOR_KEYS = {indicator.key: indicator for indicator in INDICATORS}
# The columns of the table of places one level down.
TABLE_KEYS = (
    "libraries",
    "compliance",
    "on_time",
    "visitors",
    "members",
    "loans",
    "activities",
    "participants",
    "women_share",
    "activities_per_library",
    "quiet",
)


def percent(part, whole):
    if not whole:
        return None
    return min(100.0, 100 * part / whole)


# Places ------------------------------------------------------------------------------------


@dataclass
class Place:
    """What a dashboard page is about: the nation, a region or one library."""

    region: Region | None = None
    library: Library | None = None

    @property
    def code(self):
        """The region code whose libraries the place holds ("" for the nation)."""
        if self.library:
            return self.library.region_id
        return self.region.code if self.region else ""

    @property
    def level(self):
        return self.region.level if self.region else 0

    @property
    def is_nation(self):
        return self.region is None and self.library is None

    @property
    def name(self):
        if self.library:
            return self.library.name
        return self.region.label if self.region else _("Indonesia")

    @property
    def has_summary_rows(self):
        return self.is_nation or (self.region is not None and self.region.level in SUMMARY_LEVELS)

    def libraries(self):
        if self.library:
            return Library.objects.filter(pk=self.library.pk)
        if self.region:
            return Library.objects.filter(region__code__inside=self.region.code)
        return Library.objects.all()

    def library_rows(self, model=LibraryMonth):
        if self.library:
            return model.objects.filter(library_id=self.library.pk)
        if self.region:
            return model.objects.filter(region_code__inside=self.region.code)
        return model.objects.all()


@dataclass
class Child:
    """A row of the table of places one level down: a region, or a library registered at the
    place's own level (a regency library in its regency)."""

    key: str
    name: str
    region: Region | None = None
    library: Library | None = None
    months: dict = field(default_factory=dict)
    counts: "LibraryCounts" = None


# Figures -----------------------------------------------------------------------------------


def _zero():
    return dict.fromkeys(MONTH_FIGURES, 0)


def _sum_by_month(rows, months, key=None):
    """{key: {month: figures}} (or {month: figures} without a key) of summary rows."""
    keys = ["month"] + ([key] if key else [])
    found_rows = read_sums(rows.filter(month__in=months), keys, MONTH_FIGURES)
    found = defaultdict(dict)
    first_figure = len(keys)
    for row in found_rows:
        figures = dict(zip(MONTH_FIGURES, row[first_figure:], strict=True))
        found[row[1] if key else None][as_date(row[0])] = figures
    return found if key else found[None]


@dataclass
class LibraryCounts:
    """Libraries of one place, by status and by the month they joined (months before the
    window are counted in the window's first month)."""

    by_status_and_month: dict = field(default_factory=lambda: defaultdict(int))
    quiet: int = 0
    latitude: float = 0.0
    longitude: float = 0.0
    located: int = 0

    # The programme's joining months, sorted, with their counts: worked out once for the
    # several `expected_reports` of a page (a nation's row has over a hundred months).
    _joined: list = field(default=None, init=False, repr=False, compare=False)

    def add(self, status, joined, count, quiet, latitude, longitude, located):
        self._joined = None
        self.by_status_and_month[(status, joined)] += count
        self.quiet += quiet
        self.latitude += float(latitude or 0)
        self.longitude += float(longitude or 0)
        self.located += located

    def by_status(self, month):
        """{status: libraries} of those that had joined by `month`."""
        found = dict.fromkeys(Status.values, 0)
        for (status, joined), count in self.by_status_and_month.items():
            if joined <= month:
                found[status] += count
        return found

    def in_programme(self, month):
        return sum(n for s, n in self.by_status(month).items() if s in REPORTING_STATUSES)

    def expected_reports(self, months):
        """Reports expected over `months`: each month, the libraries in the programme that had
        joined by then (a running total over the joining months, not a pass per month)."""
        if self._joined is None:
            self._joined = sorted(
                (month, count)
                for (status, month), count in self.by_status_and_month.items()
                if status in REPORTING_STATUSES
            )
        joined = self._joined
        expected = running = position = 0
        for month in sorted(months):
            while position < len(joined) and joined[position][0] <= month:
                running += joined[position][1]
                position += 1
            expected += running
        return expected

    def merge(self, other):
        self._joined = None
        for key, count in other.by_status_and_month.items():
            self.by_status_and_month[key] += count
        self.quiet += other.quiet
        self.latitude += other.latitude
        self.longitude += other.longitude
        self.located += other.located

    @property
    def total(self):
        return sum(self.by_status_and_month.values())

    @property
    def centre(self):
        if not self.located:
            return None
        return (self.latitude / self.located, self.longitude / self.located)


def quiet_since(today=None):
    return (today or timezone.localdate()) - datetime.timedelta(days=QUIET_DAYS)


def quiet_filter():
    """Libraries in the programme, joined before the quiet window, with no activity since
    (never active, or last active before it: QUIET_ORDER, whose index then serves it)."""
    since = quiet_since()
    return (
        Q(status__in=REPORTING_STATUSES)
        & (Q(joined_on__isnull=True) | Q(joined_on__lt=since))
        & Q(LessThan(QUIET_ORDER, since))
    )


def count_libraries(libraries, group, window_start):
    """{group value: LibraryCounts} of these libraries, in one query (the joining months,
    before the window counted in its first, worked out here: cheaper than in SQL)."""
    rows = read_rows(
        libraries.order_by()
        .annotate(group_key=group)
        .values("group_key", "status", "joined_on")
        .annotate(
            n=Count("pk"),
            quiet_n=Count("pk", filter=quiet_filter()),
            lat=Sum("latitude"),
            lng=Sum("longitude"),
            located=Count("latitude"),
        )
    )
    found = defaultdict(LibraryCounts)
    for key, status, joined_on, n, quiet, latitude, longitude, located in rows:
        joined = first_of_month(as_date(joined_on)) if joined_on else window_start
        found[key].add(status, max(joined, window_start), n, quiet, latitude, longitude, located)
    return found


def region_counts(place, window_start):
    """{child region code: LibraryCounts} of the regions one level below the place (a
    summary level), from the region counts (`library_counts`); the quiet libraries, which
    depend on today, counted from the libraries themselves."""
    level = place.level + 1
    rows = RegionLibraryCount.objects.filter(level=level, libraries__gt=0)
    quiet = Library.objects.filter(quiet_filter())
    if place.region:
        rows = rows.filter(region_code__inside=place.code)
        quiet = quiet.filter(region__code__inside=place.code).exclude(region_id=place.code)
    found = defaultdict(LibraryCounts)
    joined = Greatest("joined_month", Value(window_start))
    rows = read_sums(
        rows.annotate(joined=joined), ("region_code", "status", "joined"), COUNT_FIGURES
    )
    for region, status, month, libraries, located, latitude, longitude in rows:
        found[region].add(
            status, as_date(month), libraries, 0, latitude / MICRO, longitude / MICRO, located
        )
    quiet = (
        quiet.order_by()
        .annotate(child=Substr("region_id", 1, CODE_LENGTH[Level(level)]))
        .values("child")
        .annotate(n=Count("*"))
    )
    for row in quiet:
        found[row["child"]].quiet += row["n"]
    return found


def totals(by_month, months):
    """The figures of one place's summary rows {month: figures} over `months`: what its
    reports and activities add up to, without the libraries' counts."""
    present = [by_month[month] for month in months if month in by_month]
    total = {name: sum(map(itemgetter(name), present)) for name in MONTH_FIGURES}
    reported = [figures for figures in present if figures["reports"]]
    # Members are a stock: the count of the latest month with reports, not a sum.
    last = reported[-1] if reported else _zero()
    participants = total["participants_female"] + total["participants_male"]
    inclusion = sum(total[name] for name, _label in INCLUSION_GROUPS)
    return {
        "reports": total["reports"],
        "reports_on_time": total["reports_on_time"],
        "visitors": total["visitors_female"] + total["visitors_male"],
        "visitors_female": total["visitors_female"],
        "visitors_male": total["visitors_male"],
        "members": last["total_members"] or 0,
        "new_members": total["new_members"],
        "loans": total["loans"],
        "activities": total["activities"],
        "participants": participants,
        "participants_female": total["participants_female"],
        "participants_male": total["participants_male"],
        "age_groups": [(label, total[name]) for name, label in AGE_GROUPS],
        "inclusion_groups": [(label, total[name]) for name, label in INCLUSION_GROUPS],
        "women_share": percent(total["participants_female"], participants),
        "inclusion_share": percent(inclusion, participants),
    }


def indicators(by_month, counts, months):
    """The INDICATORS of one place from its summary figures {month: figures} and its
    LibraryCounts, over `months`."""
    figures = totals(by_month, months)
    expected = counts.expected_reports(months) if counts else 0
    late = (
        figures["reports"]
        - figures["reports_on_time"]
        + missing_after_due(by_month, counts, months)
    )
    return {
        **figures,
        "libraries": counts.in_programme(months[-1]) if counts else 0,
        "by_status": counts.by_status(months[-1]) if counts else {},
        "expected_reports": expected,
        "compliance": percent(figures["reports"], expected),
        "on_time": percent(figures["reports_on_time"], expected),
        "late": percent(late, expected),
        "activities_per_library": figures["activities"] / expected if expected else None,
        "quiet": counts.quiet if counts else 0,
    }


def missing_after_due(by_month, counts, months, today=None):
    """Reports expected for the months whose due day has passed and still not filed: they
    are late too, so on time, late and not yet due add up to the reports expected."""
    # Due days follow the months' order: the months up to the latest overdue one.
    overdue = overdue_month(today)
    past_due = [month for month in months if month <= overdue]
    if not counts or not past_due:
        return 0
    filed = sum(by_month.get(month, {}).get("reports") or 0 for month in past_due)
    return max(0, counts.expected_reports(past_due) - filed)


# Figures that come from the monthly reports, and the shares of reports filed. In a period
# without reports those figures are not known: a "−100%" would read as a collapse rather than
# as reports not filed yet, so no change is given for them (`comparison`).
REPORT_FIGURES = ("visitors", "visitors_female", "visitors_male", "members", "new_members", "loans")
REPORT_SHARES = ("compliance", "on_time", "late")


def own_library_view(board):
    """One library's page: the figures of a period without its report are not known ("–"),
    not zero, and its report shares (0 or 100 %) are not compared, so a report not filed yet
    does not paint every figure at −100 %. Changes `board` in place; exports keep the zeros
    of the sheet."""
    figures, changes = dict(board.figures), dict(board.changes)
    reported, reported_before = figures["reports"], board.previous_figures["reports"]
    for key in REPORT_SHARES:
        changes[key] = None
    for key in REPORT_FIGURES:
        if not reported:
            figures[key] = None
        if not (reported and reported_before):
            changes[key] = None
    board.figures, board.changes = figures, changes


def comparison(current, previous):
    """Per indicator: the change from the previous period (points for shares) and its
    direction, or None where either value is missing (a report figure of a period without
    reports is missing, not zero)."""
    changes = {}
    for indicator in INDICATORS:
        now, before = current.get(indicator.key), previous.get(indicator.key)
        unknown = indicator.key in REPORT_FIGURES and not (
            current.get("reports") and previous.get("reports")
        )
        if indicator.as_of_today or unknown or now is None or before is None:
            changes[indicator.key] = None
            continue
        change = now - before
        changes[indicator.key] = {
            "change": change,
            "percent": percent(abs(change), before) if indicator.unit == "count" else None,
            "direction": "up" if change > 0 else "down" if change < 0 else "same",
        }
    return changes


# The dashboard -----------------------------------------------------------------------------


def child_code_length(place):
    return CODE_LENGTH[Level(place.level + 1)] if place.level < Level.VILLAGE else None


def children(place, months, window_start):
    """The table rows one level down, each with its figures by month and LibraryCounts: the
    child regions that have libraries, then the libraries registered at the place itself."""
    if place.library:
        return []
    libraries = place.libraries()
    direct = list(libraries.filter(region_id=place.code).order_by("name")) if place.region else []
    rows = []
    child_length = child_code_length(place)
    if child_length:
        if place.level + 1 in SUMMARY_LEVELS:
            counts = region_counts(place, window_start)
            summary_rows = RegionMonth.objects.filter(region_code__in=list(counts))
        else:
            counts = count_libraries(
                libraries.exclude(region_id=place.code),
                Substr("region_id", 1, child_length),
                window_start,
            )
            summary_rows = place.library_rows().exclude(region_code=place.code)
        figures = _sum_by_month(summary_rows, months, "region_code")
        for region in Region.objects.filter(code__in=list(counts)).order_by("code"):
            rows.append(
                Child(
                    key=region.code,
                    name=region.label,
                    region=region,
                    months=figures.get(region.code, {}),
                    counts=counts[region.code],
                )
            )
    return rows + library_children(direct, months, window_start)


def library_children(libraries, months, window_start):
    """A Child row for each of these libraries (a list), with its figures by month and its
    LibraryCounts, in two queries."""
    if not libraries:
        return []
    ids = [library.pk for library in libraries]
    counts = count_libraries(Library.objects.filter(pk__in=ids), F("pk"), window_start)
    figures = _sum_by_month(LibraryMonth.objects.filter(library_id__in=ids), months, "library_id")
    return [
        Child(
            key=f"library-{library.pk}",
            name=library.name,
            library=library,
            months=figures.get(library.pk, {}),
            counts=counts[library.pk],
        )
        for library in libraries
    ]


def _own_counts(place, child_rows, window_start):
    if place.library:
        return count_libraries(place.libraries(), Value(""), window_start)[""]
    counts = LibraryCounts()
    for child in child_rows:
        counts.merge(child.counts)
    return counts


def place_months(place, months):
    """{month: figures} of the place's summary rows over `months`."""
    if place.has_summary_rows:
        return _sum_by_month(RegionMonth.objects.filter(region_code=place.code), months)
    return _sum_by_month(place.library_rows(), months)


def category_sums(place, months, previous_months=()):
    """{category id: {activities, participants, previous}} of the place over `months`;
    `previous`: its activities over `previous_months`. One query for both periods."""
    if place.has_summary_rows:
        rows = RegionMonthCategory.objects.filter(region_code=place.code)
    else:
        rows = place.library_rows(LibraryMonthCategory)
    now, before = set(months), set(previous_months)
    found_rows = read_sums(
        rows.filter(month__in=now | before), ("category_id", "month"), CATEGORY_FIGURES
    )
    sums = {}
    for category, month, activities, participants in found_rows:
        found = sums.setdefault(category, {"activities": 0, "participants": 0, "previous": 0})
        month = as_date(month)
        if month in now:
            found["activities"] += activities
            found["participants"] += participants
        if month in before:
            found["previous"] += activities
    return sums


def categories(place, months, previous_months=()):
    """[{name, activities, participants, previous}] over `months`, most activities first;
    `previous` counts the activities of `previous_months`."""
    sums = category_sums(place, months, previous_months)
    names = {c.pk: str(c) for c in Category.objects.filter(pk__in=sums)}
    found = [{"name": names.get(pk, "?"), **figures} for pk, figures in sums.items()]
    return sorted(found, key=lambda row: (-row["activities"], row["name"]))


def overdue_month(today=None):
    """The latest month whose reports are past due."""
    today = today or timezone.localdate()
    month = previous_month(today)
    return month if today > due_date(month) else add_months(month, -1)


# Each attention list shows this many libraries; the export holds them all.
ATTENTION_LIMIT = 8


def missing_reports(place, month):
    """Libraries expected to report for `month` that have not."""
    filed = MonthlyReport.objects.filter(library=OuterRef("pk"), month=month)
    libraries = place.libraries()
    if place.region:
        # Redundant (every code inside sorts after the place's own), but it lets PostgreSQL
        # start its walk of the region index, in the list's order, at the place instead of
        # at the first code in Indonesia.
        libraries = libraries.filter(region_id__gte=place.code)
    return (
        libraries.filter(status__in=REPORTING_STATUSES)
        .filter(Q(joined_on__isnull=True) | Q(joined_on__lt=add_months(month, 1)))
        .filter(~Exists(filed))
        .select_related("region")
        .order_by("region_id", "name")
    )


def quiet_libraries(place):
    return (
        place.libraries()
        .filter(quiet_filter())
        .select_related("region")
        .order_by(QUIET_ORDER, "region_id", "name")
    )


def fallen_libraries(place, month):
    return (
        place.library_rows()
        .filter(month=month, fell=1)
        .select_related("library__region")
        .order_by("region_code", "library_id")
    )


def attention(place, own_months, counts, limit=ATTENTION_LIMIT):
    """Who needs a call: three lists (at most `limit` each) with their full counts."""
    overdue, last = overdue_month(), previous_month()
    missing = max(0, counts.in_programme(overdue) - own_months.get(overdue, _zero())["reports"])
    fell = own_months.get(last, _zero())["fell"]

    def first(rows, count):
        return list(rows[:limit]) if count else []

    lists = {
        "missing": {
            "month": overdue,
            "count": missing,
            "libraries": first(missing_reports(place, overdue), missing),
        },
        "quiet": {
            "since": quiet_since(),
            "count": counts.quiet,
            "libraries": first(quiet_libraries(place), counts.quiet),
        },
        "fell": {"month": last, "count": fell, "rows": first(fallen_libraries(place, last), fell)},
    }
    for entry in lists.values():
        entry["more"] = entry["count"] > limit
    return lists


# A place with more libraries than this shows its child regions on the map instead.
MAP_LIBRARY_LIMIT = 1000


def activity_level(per_month):
    """The map colour of a library or region by its activities per library per month."""
    if not per_month:
        return "none"
    return "active" if per_month >= 1 else "some"


def map_points(place, period, counts, child_rows, child_figures):
    """Markers: each library with its status and activity level, or, for a place with more
    than MAP_LIBRARY_LIMIT libraries, each child region at the centre of its libraries."""
    months = len(period.months)
    if counts.total <= MAP_LIBRARY_LIMIT:
        activities = dict(
            place.library_rows()
            .filter(month__in=period.months)
            .order_by()
            .values("library_id")
            .annotate(n=Sum("activities"))
            .values_list("library_id", "n")
        )
        located = place.libraries().exclude(latitude=None).exclude(longitude=None)
        return "libraries", [
            {
                "lat": float(lat),
                "lng": float(lng),
                "name": name,
                "status": status,
                "activities": activities.get(pk, 0),
                "level": activity_level(activities.get(pk, 0) / months),
                "library": pk,
            }
            for pk, name, lat, lng, status in located.values_list(
                "pk", "name", "latitude", "longitude", "status"
            ).order_by("pk")
        ]
    points = []
    for child in child_rows:
        centre = child.counts.centre if child.counts else None
        if centre:
            figures = child_figures[child.key]
            points.append(
                {
                    "lat": round(centre[0], 5),
                    "lng": round(centre[1], 5),
                    "name": child.name,
                    "libraries": child.counts.total,
                    "activities": figures["activities"],
                    "level": activity_level(figures["activities_per_library"]),
                    **(
                        {"region": child.region.code}
                        if child.region
                        else {"library": child.library.pk}
                    ),
                }
            )
    return "regions", points


@dataclass
class Dashboard:
    place: Place
    period: object
    previous: object
    figures: dict
    previous_figures: dict
    changes: dict
    trend: list
    categories: list
    rows: list
    map_mode: str
    map_points: list
    counts: LibraryCounts
    own_months: dict
    window_start: datetime.date = None

    @cached_property
    def attention(self):
        """Who needs a call (`attention`): three more queries, asked only by the pages,
        exports and digests that show it (a library's own page does not)."""
        return attention(self.place, self.own_months, self.counts)

    def charts(self):
        """The charts of the dashboard (page and PDF alike)."""
        return {
            "visitors": column_chart(self.trend, "visitors"),
            "activities": column_chart(self.trend, "activities"),
            "participants": column_chart(self.trend, "participants"),
            "categories": bar_list(
                [(row["name"], row["activities"]) for row in self.categories if row["activities"]]
            ),
            "gender": bar_list(
                [
                    (_("Women and girls"), self.figures["participants_female"]),
                    (_("Men and boys"), self.figures["participants_male"]),
                ]
            ),
            "ages": bar_list(self.figures["age_groups"]),
            # One person may be in several groups: shares are of all participants.
            "inclusion": bar_list(
                self.figures["inclusion_groups"], total=self.figures["participants"]
            ),
        }


def month_by_month(by_month, months):
    """The trend: visitors, activities and participants of each month, and whether reports
    were filed for it."""
    trend = []
    for month in months:
        figures = by_month.get(month, _zero())
        trend.append(
            {
                "month": month,
                "visitors": figures["visitors_female"] + figures["visitors_male"],
                "activities": figures["activities"],
                "participants": figures["participants_female"] + figures["participants_male"],
                "reported": bool(figures["reports"]),
            }
        )
    return trend


def trend_months(period):
    if period.length >= 12:
        return period.months
    return [add_months(period.last, -i) for i in range(11, -1, -1)]


def dashboard(place, period):
    previous = period.previous()
    trend = trend_months(period)
    wanted = set(trend) | set(period.months) | set(previous.months)
    wanted |= {overdue_month(), previous_month()}
    window_start = min(wanted)
    child_rows = children(place, period.months, window_start)
    counts = _own_counts(place, child_rows, window_start)
    own_months = place_months(place, wanted)
    figures = indicators(own_months, counts, period.months)
    previous_figures = indicators(own_months, counts, previous.months)
    child_figures = {
        child.key: indicators(child.months, child.counts, period.months) for child in child_rows
    }
    for child in child_rows:
        child.figures = child_figures[child.key]
    mode, points = map_points(place, period, counts, child_rows, child_figures)
    return Dashboard(
        place=place,
        period=period,
        previous=previous,
        figures=figures,
        previous_figures=previous_figures,
        changes=comparison(figures, previous_figures),
        trend=month_by_month(own_months, trend),
        categories=categories(place, period.months, previous.months),
        rows=child_rows,
        map_mode=mode,
        map_points=points,
        counts=counts,
        own_months=own_months,
        window_start=window_start,
    )


# A place with at most this many libraries shows them as its cards, one tap from each; a
# bigger place shows its regions one level down.
CARD_LIBRARY_LIMIT = 12


def cards(board):
    """The phone's way down from the place: the libraries themselves when there are few
    (CARD_LIBRARY_LIMIT), else the table's rows; each with its figures and what needs
    attention."""
    place, months = board.place, board.period.months
    rows = board.rows
    few = sum(row.counts.total for row in rows if row.counts) <= CARD_LIBRARY_LIMIT
    if few and any(row.region for row in rows):
        libraries = place.libraries().select_related("region").order_by("name")
        rows = library_children(list(libraries), months, board.window_start)
        for row in rows:
            row.figures = indicators(row.months, row.counts, months)
    for row in rows:
        row.missing_reports = max(0, row.figures["expected_reports"] - row.figures["reports"])
    return sorted(rows, key=lambda row: row.name.lower())
