"""Time the monitoring dashboard at national scale, on PostgreSQL only.

    DATABASE_URL=postgres://... python manage.py bench_dashboard [--runs 20] [--json]
        [--raw-runs 3] [--save-runs 10] [--skip-check] [--rebuild] [--seed-only]

Meant for a throw-away database. Seeding (each step skipped when already done, so a second
run only measures; see benchmark_data.py for how the rows are drawn): the regions, a library
in each of the 83,762 villages (names start with "Bench"), five years of monthly reports
(about 4.4 million) and activities (about 10 million published, some drafts), four users (a
national admin, the coordinators of the province with the most villages and of its largest
regency, the manager of one library there), VACUUM ANALYZE, then `summaries.rebuild()` and
`summaries.check()`, timed. The check must find no difference.

Measuring, for each level (nation, province, regency, district, village, library) and period:

- view: milliseconds per request through the real view and middleware (`time_get`, after one
  warm-up), logged in as the persona who would open the page;
- SQL: the statements that view ran (captured during one request) run again through a bare
  database cursor, added up per run: what the database costs, the rest is Python and templates;
- raw: the same figures added up straight from the reports and activities of the place, for
  the months the view reads (the naive way without summary tables), for comparison.

Median and 95th percentile of each, and the view's median time outside its SQL; a p95 of the
view over TARGET_MS, or more than OUTSIDE_SQL_MS outside SQL, is flagged. Last, the cost
of keeping the summaries fresh: saving one monthly report and one activity through their
services (each refreshes the library's summaries once), in a transaction rolled back after each
run. And the outcome surveys: the first run with the loaded data measures the dashboard
before any survey answer, loads RESPONSES_PER_SURVEY answers to the surveys of a sample of
the activities (`benchmark_data.insert_surveys`, `insert_responses`), rebuilds and checks
the survey summaries and measures again (before and after in the same run); then it times
one answer through `surveys.services.submit`: one insert and one summary update.
Each table is printed with the load average beside it.
"""

import json
import os
import time
import traceback
from dataclasses import dataclass, field

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.db.models import Count
from django.db.models.functions import Left
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse
from django.utils import timezone

from inklusi.accounts.models import Role, RoleAssignment, User
from inklusi.accounts.twofactor import force_login_verified
from inklusi.activities import services as activity_services
from inklusi.activities.models import Activity
from inklusi.devtools import benchmark_data as data
from inklusi.devtools.benchmark import summary, time_get
from inklusi.libraries.models import Library
from inklusi.libraries.models import Status as LibraryStatus
from inklusi.monitoring import summaries
from inklusi.monitoring.indicators import trend_months
from inklusi.monitoring.models import LibraryMonth
from inklusi.monitoring.periods import parse_period
from inklusi.regions.loading import load_regions
from inklusi.regions.models import CODE_LENGTH, Level, Region
from inklusi.reports import services as report_services
from inklusi.reports.models import MonthlyReport
from inklusi.surveys import services as survey_services
from inklusi.surveys import summaries as survey_summaries
from inklusi.surveys.models import Response as SurveyResponse
from inklusi.surveys.models import Survey

# Issue 18's targets: every level under TARGET_MS at the 95th percentile, and no page more
# than OUTSIDE_SQL_MS outside its SQL (view median − SQL median).
TARGET_MS = 150
OUTSIDE_SQL_MS = 30
LOADED_TABLES = ("libraries_library", "reports_monthlyreport", "activities_activity")
SUMMARY_TABLES = [model._meta.db_table for model in summaries.SUMMARY_MODELS]
EMAIL = "bench-dashboard-{}@inklusi.id"


@dataclass
class Row:
    label: str
    queries: int
    view: list
    sql: list = field(default_factory=list)
    raw: list = field(default_factory=list)
    error: str = ""

    def outside_sql(self):
        """Median milliseconds of the view outside its SQL (None without both)."""
        if not (self.view and self.sql):
            return None
        return round(summary(self.view)["median"] - summary(self.sql)["median"], 1)

    def as_dict(self):
        found = {"label": self.label, "queries": self.queries}
        for name in ("view", "sql", "raw"):
            times = getattr(self, name)
            figures = summary(times) if times else {}
            for key in ("median", "p95"):
                value = figures.get(key)
                found[f"{name}_{key}_ms"] = None if value is None else round(value, 1)
        found["over_target"] = bool(self.view) and summary(self.view)["p95"] > TARGET_MS
        found["outside_sql_ms"] = self.outside_sql()
        if self.error:
            found["error"] = self.error
        return found


# Seeding -----------------------------------------------------------------------------------


def largest_child(code, level):
    """The code of the region of `level` inside `code` ("" for the nation) with the most
    villages."""
    length = CODE_LENGTH[level]
    villages = Region.objects.filter(level=Level.VILLAGE)
    if code:
        villages = villages.filter(code__startswith=code + ".")
    return (
        villages.annotate(child=Left("code", length))
        .values("child")
        .annotate(n=Count("pk"))
        .order_by("-n", "child")
        .values_list("child", flat=True)
        .first()
    )


@dataclass
class Places:
    province: str
    regency: str
    district: str
    village: str
    library: Library

    @classmethod
    def pick(cls):
        province = largest_child("", Level.PROVINCE)
        regency = largest_child(province, Level.REGENCY)
        district = largest_child(regency, Level.DISTRICT)
        library = (
            Library.objects.filter(name__startswith=data.PREFIX, region__code__inside=district)
            .exclude(status=LibraryStatus.CANDIDATE)
            .order_by("joined_on", "pk")
            .first()
        )
        return cls(province, regency, district, library.region_id, library)

    def personas(self):
        """(name, role, region code, library) of the four users."""
        return [
            ("admin", Role.NATIONAL_ADMIN, None, None),
            ("province", Role.PROVINCE_COORDINATOR, self.province, None),
            ("regency", Role.REGENCY_COORDINATOR, self.regency, None),
            ("manager", Role.LIBRARY_MANAGER, None, self.library),
        ]


class Seeder:
    """Runs the seeding steps, each timed and skipped when already done."""

    def __init__(self, write):
        self.write = write
        self.loaded = False

    def step(self, label, done, action):
        """Run `action` unless `done`, printing its wall time; True when it ran."""
        if done:
            self.write(f"  {label}: already done")
            return False
        started = time.perf_counter()
        result = action()
        seconds = time.perf_counter() - started
        rows = f" ({result:,} rows)" if isinstance(result, int) else ""
        self.write(f"  {label}: {seconds:,.1f} s{rows}")
        return True

    def load(self, label, done, action):
        self.loaded |= self.step(label, done, action)

    def run(self, today):
        first, last = data.window(today)
        bench = Library.objects.filter(name__startswith=data.PREFIX)
        villages = Region.objects.filter(level=Level.VILLAGE).count()
        self.load("regions", villages >= data.VILLAGES, load_regions)
        self.load("libraries", bench.exists(), lambda: data.insert_libraries(first, last))
        self.load(
            f"monthly reports {first:%Y-%m} to {last:%Y-%m}",
            MonthlyReport.objects.filter(library__name__startswith=data.PREFIX).exists(),
            lambda: data.insert_reports(first, last),
        )
        ids = bench.order_by("pk").values_list("pk", flat=True)
        low, high = ids.first(), ids.last()
        for start in range(low, high + 1, data.ACTIVITY_CHUNK):
            chunk = range(start, min(start + data.ACTIVITY_CHUNK, high + 1))
            self.load(
                f"activities of libraries {chunk.start:,}–{chunk.stop - 1:,}",
                Activity.objects.filter(library_id__in=chunk).exists(),
                lambda chunk=chunk: data.insert_activities(first, last, chunk),
            )
        places = Places.pick()
        for name, role, region, library in places.personas():
            user, _created = User.objects.get_or_create(
                email=EMAIL.format(name), defaults={"full_name": f"Bench {name}"}
            )
            RoleAssignment.objects.get_or_create(
                user=user, role=role, region_id=region, library=library
            )
        self.vacuum_analyze(LOADED_TABLES)
        return places

    def vacuum_analyze(self, tables):
        """VACUUM ANALYZE those of `tables` that changed much since their last vacuum: the
        planner's statistics and the visibility map then look as on a settled database."""
        stale = stale_tables(tables)
        if stale:
            self.step(f"VACUUM ANALYZE {', '.join(stale)}", False, lambda: vacuum(stale))


# Rows changed since the last vacuum or analyze above which a table counts as changed.
STALE_ROWS = 10_000


def stale_tables(tables):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relname FROM pg_stat_user_tables WHERE relname = ANY(%s) AND ("
            "GREATEST(n_mod_since_analyze, n_ins_since_vacuum, n_dead_tup) > %s "
            "OR COALESCE(last_vacuum, last_autovacuum) IS NULL) ORDER BY relname",
            [list(tables), STALE_ROWS],
        )
        return [name for (name,) in cursor.fetchall()]


def vacuum(tables):
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"VACUUM ANALYZE {table}")


def table_counts(tables):
    with connection.cursor() as cursor:
        counts = {}
        for table in tables:
            cursor.execute(f"SELECT COUNT(*) FROM {table}")
            counts[table] = cursor.fetchone()[0]
    return counts


# Measuring ---------------------------------------------------------------------------------


def time_statements(statements, runs):
    """Milliseconds per run of all `statements` (SQL text, parameters already in), each
    result read to the end, through a bare psycopg cursor."""
    connection.ensure_connection()
    times = []
    with connection.connection.cursor() as cursor:
        for _ in range(runs):
            started = time.perf_counter()
            for sql, params in statements:
                cursor.execute(sql, params)
                if cursor.description:
                    cursor.fetchall()
            times.append((time.perf_counter() - started) * 1000)
    return times


def captured_reads(client, url, params):
    """(number of queries, the SELECTs) of one request."""
    with CaptureQueriesContext(connection) as captured:
        client.get(url, params)
    reads = [
        (query["sql"], None)
        for query in captured.captured_queries
        if query["sql"].lstrip().upper().startswith(("SELECT", "WITH"))
    ]
    return len(captured.captured_queries), reads


RAW_REPORTS = """
    SELECT raw.month, COUNT(*), SUM(raw.filed_on_time::int), SUM(raw.visitors_female),
        SUM(raw.visitors_male), SUM(raw.new_members), SUM(raw.total_members), SUM(raw.loans)
    FROM reports_monthlyreport AS raw
    JOIN libraries_library AS library ON library.id = raw.library_id
    WHERE {scope} AND raw.month BETWEEN %s AND %s
    GROUP BY raw.month
"""
RAW_ACTIVITIES = """
    SELECT date_trunc('month', raw.starts_on) AS month, raw.category_id, COUNT(*),
        SUM(raw.participants_female), SUM(raw.participants_male),
        SUM(raw.participants_children), SUM(raw.participants_youth),
        SUM(raw.participants_adults), SUM(raw.participants_elderly),
        SUM(raw.participants_disability), SUM(raw.participants_low_income),
        SUM(raw.participants_out_of_school)
    FROM activities_activity AS raw
    JOIN libraries_library AS library ON library.id = raw.library_id
    WHERE {scope} AND raw.status = 'published'
        AND raw.starts_on >= %s AND raw.starts_on < %s::date + interval '1 month'
    GROUP BY 1, 2
"""


def raw_statements(scope, period):
    """The naive aggregate of the figures the view reads, straight from the raw rows: by
    month (and category) over the period, the one compared with it and the trend."""
    first = min(period.previous().first, trend_months(period)[0])
    if isinstance(scope, Library):
        condition, scope_params = "raw.library_id = %s", [scope.pk]
    elif scope:
        condition = "(library.region_id = %s OR library.region_id LIKE %s)"
        scope_params = [scope, scope + ".%"]
    else:
        condition, scope_params = "TRUE", []
    return [
        (sql.format(scope=condition), [*scope_params, first, period.last])
        for sql in (RAW_REPORTS, RAW_ACTIVITIES)
    ]


@dataclass
class Target:
    label: str
    persona: str
    url: str
    params: dict
    scope: object  # "" for the nation, a region code or a Library


def targets(places, first_month, last_month):
    """What each persona opens: every level for last month (the default) and this year, the
    nation also for the five years and as an XLSX export."""
    periods = [("last month", {}), ("this year", {"period": "year"})]
    region = "monitoring:region"
    levels = [
        ("nation", "admin", reverse("monitoring:nation"), ""),
        ("province", "province", reverse(region, args=[places.province]), places.province),
        ("regency", "regency", reverse(region, args=[places.regency]), places.regency),
        ("district", "regency", reverse(region, args=[places.district]), places.district),
        ("village", "regency", reverse(region, args=[places.village]), places.village),
        (
            "library",
            "manager",
            reverse("monitoring:library", args=[places.library.pk]),
            places.library,
        ),
    ]
    found = [
        Target(f"{level}, {period}", persona, url, params, scope)
        for level, persona, url, scope in levels
        for period, params in periods
    ]
    five_years = {"from": f"{first_month:%Y-%m}", "to": f"{last_month:%Y-%m}"}
    export = reverse("monitoring:nation_export", kwargs={"fmt": "xlsx"})
    found += [
        Target("nation, five years", "admin", levels[0][2], five_years, ""),
        Target("nation, XLSX export, last month", "admin", export, {}, ""),
    ]
    return found


def measure(target, client, runs, raw_runs):
    times = time_get(client, target.url, target.params, runs)
    queries, reads = captured_reads(client, target.url, target.params)
    period = parse_period(target.params)
    return Row(
        label=target.label,
        queries=queries,
        view=times,
        sql=time_statements(reads, runs),
        raw=time_statements(raw_statements(target.scope, period), raw_runs),
    )


def time_save(load, change, save, runs):
    """(queries, milliseconds per save) of `save(obj)` for the object `load()` returns after
    `change(obj)`; each run is rolled back."""
    times, queries = [], 0
    for _ in range(runs):
        with transaction.atomic(), CaptureQueriesContext(connection) as captured:
            instance = load()
            change(instance)
            started = time.perf_counter()
            save(instance)
            times.append((time.perf_counter() - started) * 1000)
            queries = len(captured.captured_queries)
            transaction.set_rollback(True)
    return queries, times


def maintenance_rows(library, runs):
    """Saving a report a year back (its month and the three after get their `fell` again) and
    the library's latest activity, as the national admin."""
    admin = User.objects.get(email=EMAIL.format("admin"))

    def load_report():
        return MonthlyReport.objects.filter(library=library).order_by("-month")[12]

    def change_report(report):
        report.visitors_female += 7

    def load_activity():
        return Activity.objects.published().filter(library=library).order_by("-starts_on")[0]

    def change_activity(activity):
        activity.participants_female += 1
        activity.participants_adults += 1

    rows = []
    for label, load, change, save in (
        (
            "save a monthly report (refresh)",
            load_report,
            change_report,
            lambda report: report_services.update_report(report, admin),
        ),
        (
            "save an activity (refresh)",
            load_activity,
            change_activity,
            lambda activity: activity_services.save_activity(activity, admin, publish=True),
        ),
    ):
        queries, times = time_save(load, change, save, runs)
        rows.append(Row(label=label, queries=queries, view=times))
    return rows


def survey_answer_row(library, runs):
    """One outcome-survey answer through the service, as the participant's page sends it:
    the answer's insert and the summary update (library row, then the four regions)."""
    surveys = Survey.objects.select_related("activity__library").order_by("pk")
    nearby = surveys.filter(activity__library__region__code__inside=library.region_id[:8])
    survey = nearby.first() or surveys.first()
    answers = {"knowledge": 5, "confidence": 4, "application": 4, "awareness": 3}

    def answer(_survey):
        survey_services.submit(
            survey,
            answers,
            submission_key=survey_services.new_key(),
            device=survey_services.new_key(),
        )

    queries, times = time_save(lambda: survey, lambda _survey: None, answer, runs)
    return Row(label="survey answer (insert + summary update)", queries=queries, view=times)


def load_average():
    return "load average " + ", ".join(f"{value:.2f}" for value in os.getloadavg())


def format_table(rows):
    def ms(times, key):
        return f"{summary(times)[key]:>9.1f}" if times else f"{'':>9}"

    width = max(len(row.label) for row in rows) + 2
    lines = [
        f"{'':<{width}} {'queries':>7} {'view med':>9} {'view p95':>9} {'SQL med':>9} "
        f"{'SQL p95':>9} {'outside':>9} {'raw med':>9}"
    ]
    for row in rows:
        if row.error:
            lines.append(f"{row.label:<{width}} ERROR {row.error}")
            continue
        outside = row.outside_sql()
        flags = []
        if row.as_dict()["over_target"]:
            flags.append(f"p95 over {TARGET_MS} ms")
        if outside is not None and outside > OUTSIDE_SQL_MS:
            flags.append(f"over {OUTSIDE_SQL_MS} ms outside SQL")
        flag = f"  {', '.join(flags)}" if flags else ""
        outside_text = f"{outside:>9.1f}" if outside is not None else f"{'':>9}"
        lines.append(
            f"{row.label:<{width}} {row.queries:>7} {ms(row.view, 'median')} "
            f"{ms(row.view, 'p95')} {ms(row.sql, 'median')} {ms(row.sql, 'p95')} "
            f"{outside_text} {ms(row.raw, 'median')}{flag}"
        )
    return lines


class Command(BaseCommand):
    help = "Time the monitoring dashboard on a national-scale synthetic load (PostgreSQL)."

    def add_arguments(self, parser):
        parser.add_argument("--runs", type=int, default=20, help="timed requests per page")
        parser.add_argument(
            "--raw-runs", type=int, default=3, help="runs of the naive raw aggregate"
        )
        parser.add_argument("--save-runs", type=int, default=10, help="timed saves")
        parser.add_argument("--skip-check", action="store_true", help="skip summaries.check()")
        parser.add_argument(
            "--rebuild", action="store_true", help="rebuild the summaries even if loaded"
        )
        parser.add_argument("--seed-only", action="store_true", help="load, rebuild, check")
        parser.add_argument("--json", action="store_true", help="print the results as JSON")

    def handle(self, *args, runs, raw_runs, save_runs, skip_check, rebuild, seed_only, **options):
        if connection.vendor != "postgresql":
            raise CommandError(
                "bench_dashboard fills a throw-away PostgreSQL database with millions of rows; "
                f"this database is {connection.vendor}. Set DATABASE_URL=postgres://..."
            )
        # Progress goes to stderr when stdout carries the JSON.
        out = self.stderr if options["json"] else self.stdout
        write = out.write
        write("Seeding:")
        seeder = Seeder(write)
        places = seeder.run(timezone.localdate())
        for table, count in table_counts(LOADED_TABLES).items():
            write(f"  {table}: {count:,} rows")
        self.summaries(seeder, write, rebuild or seeder.loaded, skip_check)
        if seed_only:
            return
        tables = []
        if not SurveyResponse.objects.exists():
            before = self.measure(places, write, runs, raw_runs, 0)
            tables.append(("before the survey answers", before, load_average()))
            self.survey_answers(seeder, write)
        rows = self.measure(places, write, runs, raw_runs, save_runs)
        rows.append(survey_answer_row(places.library, save_runs))
        tables.append(("with the survey answers" if tables else "", rows, load_average()))
        if options["json"]:
            found = {title or "rows": [row.as_dict() for row in got] for title, got, _ in tables}
            self.stdout.write(json.dumps(found, indent=2))
        else:
            for title, got, load in tables:
                self.stdout.write(
                    f"\nDashboard on PostgreSQL{', ' + title if title else ''}, ms (view: "
                    f"{runs} requests; SQL: the view's SELECTs run bare, {runs} times; raw: "
                    f"naive aggregate, {raw_runs} runs); {load}"
                )
                for line in format_table(got):
                    self.stdout.write(line)
        if any(row.error for _title, got, _load in tables for row in got):
            raise CommandError("Some pages failed; see the tracebacks above.")

    def summaries(self, seeder, write, rebuild, skip_check):
        """Rebuild (when asked, after loading, or when empty) and check the summaries; the
        check's rolled-back rebuild leaves dead rows, so the vacuum comes last."""
        seeder.step(
            "summaries.rebuild()",
            not rebuild and LibraryMonth.objects.exists(),
            summaries.rebuild,
        )
        for table, count in table_counts(SUMMARY_TABLES).items():
            write(f"  {table}: {count:,} rows")
        if not skip_check:
            started = time.perf_counter()
            differences = summaries.check()
            seconds = time.perf_counter() - started
            write(f"  summaries.check(): {seconds:,.1f} s, {differences}")
            if any(any(pair) for pair in differences.values()):
                raise CommandError(f"The summaries disagree with the raw data: {differences}")
        # The rebuild also sets libraries' last_activity_on; the KPI cards (scored once loaded)
        # are read by the colour counts from their index alone once vacuumed.
        seeder.vacuum_analyze([*SUMMARY_TABLES, "libraries_library", "scores_libraryscore"])

    def survey_answers(self, seeder, write):
        """Load the bench's survey answers (in SQL, skipping the services), rebuild their
        summaries, as `summaries --rebuild` does after a bulk load, and check them (quick:
        the survey tables are small, so even `--skip-check` keeps this one)."""
        seeder.step("surveys of sampled activities", False, data.insert_surveys)
        seeder.step(f"{data.RESPONSES_PER_SURVEY} answers per survey", False, data.insert_responses)
        seeder.vacuum_analyze(["surveys_survey", "surveys_response"])
        seeder.step("survey summaries rebuild()", False, survey_summaries.rebuild)
        for table, count in table_counts(
            ["surveys_response", "surveys_surveymonth", "surveys_surveyregionmonth"]
        ).items():
            write(f"  {table}: {count:,} rows")
        started = time.perf_counter()
        differences = survey_summaries.check()
        write(f"  survey summaries check(): {time.perf_counter() - started:,.1f} s, {differences}")
        if any(any(pair) for pair in differences.values()):
            raise CommandError(f"The survey summaries disagree: {differences}")
        seeder.vacuum_analyze(["surveys_surveymonth", "surveys_surveyregionmonth"])

    def measure(self, places, write, runs, raw_runs, save_runs):
        first, last = data.window(timezone.localdate())
        rows = []
        clients = {}
        with override_settings(ALLOWED_HOSTS=["*"]):
            for target in targets(places, first, last):
                if target.persona not in clients:
                    clients[target.persona] = force_login_verified(
                        Client(), User.objects.get(email=EMAIL.format(target.persona))
                    )
                write(f"  {target.label} ...")
                try:
                    rows.append(measure(target, clients[target.persona], runs, raw_runs))
                except Exception as error:  # report every page, then fail
                    write(traceback.format_exc())
                    rows.append(Row(target.label, 0, [], error=repr(error)))
        if save_runs:
            rows += maintenance_rows(places.library, save_runs)
        return rows
