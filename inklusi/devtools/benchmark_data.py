"""Synthetic national-scale data for `bench_dashboard`, written by PostgreSQL itself.

Every step is one `INSERT ... SELECT` over `generate_series` with `random()`, so millions of rows
never pass through Python. The draws happen in a subquery fenced with `OFFSET 0`: PostgreSQL
then evaluates each `random()` once per row, and the figures derived from the same draws
(visitors and the computer users among them, gender and age groups of the same participants)
stay consistent with the rules of the models:

- libraries: one per village, `LIBRARY_SHARES` of the statuses; members joined the programme
  before the five years (`EARLY_SHARE`) or during them, candidates have no `joined_on`;
- monthly reports: for each member library, each month from its joined month to last month,
  `FILED_SHARE` of them filed, `LATE_SHARE` of those after the due date (`filed_on_time`
  follows from `submitted_at` exactly as `MonthlyReport.save` sets it), `SLUMP_SHARE` with a
  sharp fall in visitors;
- activities: on average `ACTIVITIES_PER_MONTH` per member library and month (`QUIET_EVERY`-th
  library went quiet for the last `QUIET_MONTHS` months), `PUBLISHED_SHARE` published.

`setseed` makes each step draw the same numbers on every run. The rows skip the services, so
the summaries do not follow them: `bench_dashboard` runs `summaries.rebuild()` after loading.
"""

from django.conf import settings
from django.db import connection

from inklusi.activities.models import Category
from inklusi.core.months import last_months

PREFIX = "Bench"
VILLAGES = 83_762
MONTHS = 60

CANDIDATE_SHARE = 0.05
EARLY_SHARE = 0.92
FILED_SHARE = 0.96
LATE_SHARE = 0.15
SLUMP_SHARE = 0.02
# floor(random() * 5.556) is 0..5 with a mean of 2.3 activities per library and month.
ACTIVITY_DRAW = 5.556
PUBLISHED_SHARE = 0.95
VERIFIED_SHARE = 0.6
QUIET_EVERY = 12
QUIET_MONTHS = 4
ACTIVITY_CHUNK = 10_000  # library ids per INSERT

# An approximate centre of each province; libraries lie within ±0.5° of it.
PROVINCE_CENTRES = {
    "11": (4.7, 96.7), "12": (2.1, 99.5), "13": (-0.7, 100.8), "14": (0.3, 101.7),
    "15": (-1.6, 103.6), "16": (-3.3, 104.2), "17": (-3.8, 102.3), "18": (-4.9, 105.2),
    "19": (-2.7, 106.4), "21": (0.9, 104.5), "31": (-6.2, 106.8), "32": (-6.9, 107.6),
    "33": (-7.2, 110.2), "34": (-7.9, 110.4), "35": (-7.5, 112.2), "36": (-6.4, 106.1),
    "51": (-8.4, 115.2), "52": (-8.6, 117.4), "53": (-9.5, 121.0), "61": (0.0, 110.5),
    "62": (-1.7, 113.4), "63": (-3.1, 115.3), "64": (0.5, 116.4), "65": (3.0, 116.0),
    "71": (1.0, 124.5), "72": (-1.4, 121.4), "73": (-4.0, 120.0), "74": (-4.1, 122.5),
    "75": (0.7, 122.4), "76": (-2.5, 119.3), "81": (-3.2, 130.1), "82": (1.6, 127.8),
    "91": (-2.6, 139.5), "92": (-1.3, 133.2), "93": (-7.0, 139.5), "94": (-3.9, 136.4),
    "95": (-4.1, 138.9), "96": (-1.0, 131.9),
}  # fmt: skip


def window(today):
    """(first month, last month) of the five years that end last month."""
    months = last_months(MONTHS, today)
    return months[0], months[-1]


def _execute(sql, params):
    with connection.cursor() as cursor:
        cursor.execute("SELECT setseed(0.42)")
        cursor.execute(sql, params)
        return cursor.rowcount


def insert_libraries(first, last):
    centres = ", ".join(
        f"('{code}', {lat}, {lon})" for code, (lat, lon) in PROVINCE_CENTRES.items()
    )
    sql = f"""
        INSERT INTO libraries_library (
            name, kind, address, latitude, longitude, npp, opening_hours, whatsapp, email,
            website, facebook, instagram, youtube, tiktok, cohort_year, status, description,
            cover_photo, created_at, updated_at, region_id, joined_on, last_activity_on)
        SELECT %(prefix)s || ' Perpustakaan Desa ' || name, 'village', 'Kantor Desa ' || name,
            round((lat + r_lat - 0.5)::numeric, 6), round((lon + r_lon - 0.5)::numeric, 6),
            NULL, 'Senin–Jumat 08.00–15.00', '62812' || lpad(number::text, 8, '0'), '',
            '', '', '', '', '', extract(year FROM joined_on), status, '', '', now(), now(),
            code, joined_on, NULL
        FROM (
            SELECT village.code, village.name, centre.lat, centre.lon, status,
                row_number() OVER (ORDER BY village.code) AS number,
                random() AS r_lat, random() AS r_lon,
                CASE
                    WHEN status = 'candidate' THEN NULL
                    WHEN random() < %(early)s
                        THEN %(first)s::date - (1 + floor(random() * 730))::int
                    ELSE %(first)s::date + floor(random() * (%(last)s::date - %(first)s))::int
                END AS joined_on
            FROM (
                SELECT code, name,
                    CASE
                        WHEN random() < %(candidates)s THEN 'candidate'
                        ELSE (ARRAY['beneficiary', 'replicating', 'independent'])[
                            1 + floor(random() * 3)::int]
                    END AS status
                FROM regions_region WHERE level = 4
                OFFSET 0
            ) AS village
            JOIN (VALUES {centres}) AS centre (code, lat, lon)
                ON centre.code = left(village.code, 2)
            OFFSET 0
        ) AS drawn
    """
    return _execute(
        sql,
        {
            "prefix": PREFIX,
            "early": EARLY_SHARE,
            "first": first,
            "last": last,
            "candidates": CANDIDATE_SHARE,
        },
    )


# Each member library's months from its joined month to `last`; `extra` adds a condition.
MEMBER_MONTHS = """
    FROM libraries_library AS library
    CROSS JOIN generate_series(%(first)s::timestamp, %(last)s::timestamp, interval '1 month')
        AS month
    WHERE library.name LIKE %(prefix)s AND library.status <> 'candidate'
        AND month >= date_trunc('month', library.joined_on) {extra}
"""


def insert_reports(first, last):
    sql = f"""
        INSERT INTO reports_monthlyreport (
            library_id, month, open_days, visitors_female, visitors_male, new_members,
            total_members, loans, computer_users, internet_users, notes, unusual_confirmed,
            submitted_at, updated_at, submitted_by_id, updated_by_id, filed_on_time, version)
        SELECT library_id, month, open_days, visitors_female, visitors_male, new_members,
            total_members, loans,
            floor((visitors_female + visitors_male) * 0.3 * r_computer)::int,
            floor((visitors_female + visitors_male) * 0.4 * r_internet)::int,
            '', false, submitted_at, submitted_at, NULL, NULL, submitted_at < late_from, 1
        FROM (
            SELECT library_id, month::date, r_computer, r_internet, late_from,
                12 + floor(r_open * 14)::int AS open_days,
                floor(base * (0.45 + 0.3 * r_female) * slump)::int AS visitors_female,
                floor(base * (0.35 + 0.3 * r_male) * slump)::int AS visitors_male,
                new_members,
                base / 2 + 3 * months_in + new_members AS total_members,
                floor(base * (0.5 + r_loans))::int AS loans,
                LEAST(now(), CASE
                    WHEN r_late < %(late)s THEN late_from + r_when * interval '20 days'
                    ELSE opens + r_when * (late_from - opens)
                END) AS submitted_at
            FROM (
                SELECT library.id AS library_id, month,
                    40 + (library.id * 7919) %% 260 AS base,
                    (extract(year FROM month) * 12 + extract(month FROM month))::int
                        - (extract(year FROM library.joined_on) * 12
                           + extract(month FROM library.joined_on))::int AS months_in,
                    (month + interval '1 month') AT TIME ZONE %(tz)s AS opens,
                    (month + interval '1 month' + %(due_day)s * interval '1 day')
                        AT TIME ZONE %(tz)s AS late_from,
                    CASE WHEN random() < %(slump)s THEN 0.3 ELSE 1 END AS slump,
                    floor(random() * 6)::int AS new_members,
                    random() AS r_open, random() AS r_female, random() AS r_male,
                    random() AS r_loans, random() AS r_computer, random() AS r_internet,
                    random() AS r_late, random() AS r_when
                {MEMBER_MONTHS.format(extra="AND random() < %(filed)s")}
                OFFSET 0
            ) AS drawn
        ) AS figures
    """
    return _execute(
        sql,
        {
            "first": first,
            "last": last,
            "prefix": f"{PREFIX}%",
            "tz": settings.TIME_ZONE,
            "due_day": settings.REPORT_DUE_DAY,
            "late": LATE_SHARE,
            "slump": SLUMP_SHARE,
            "filed": FILED_SHARE,
        },
    )


def insert_activities(first, last, library_ids):
    """Activities of the member libraries with ids in `library_ids` (a range)."""
    categories = list(Category.objects.order_by("pk").values_list("pk", flat=True))
    sql = f"""
        INSERT INTO activities_activity (
            title, starts_on, ends_on, place, description, facilitator, partners,
            participants_female, participants_male, participants_children, participants_youth,
            participants_adults, participants_elderly, participants_disability,
            participants_low_income, participants_out_of_school, volunteers, cost,
            funding_source, outcome, follow_up, facebook_url, instagram_url, youtube_url,
            tiktok_url, whatsapp_url, status, published_at, review, review_comment,
            reviewed_at, created_at, updated_at, created_by_id, library_id, reviewed_by_id,
            category_id, version)
        SELECT 'Kegiatan ' || number || ' bulan ' || to_char(starts_on, 'MM/YYYY'), starts_on,
            NULL, 'Balai desa', '', '', '',
            female, male,
            floor((female + male) * 0.35 * r_children)::int,
            floor((female + male) * 0.3 * r_youth)::int,
            female + male - floor((female + male) * 0.35 * r_children)::int
                - floor((female + male) * 0.3 * r_youth)::int
                - floor((female + male) * 0.15 * r_elderly)::int,
            floor((female + male) * 0.15 * r_elderly)::int,
            floor((female + male) * 0.1 * r_disability)::int,
            floor((female + male) * 0.4 * r_low_income)::int,
            floor((female + male) * 0.1 * r_out_of_school)::int,
            floor(r_children * 5)::int, 0, 'none', '', '', '', '', '', '', '',
            CASE WHEN r_status < %(published)s THEN 'published' ELSE 'draft' END,
            CASE WHEN r_status < %(published)s THEN created_at + interval '1 hour' END,
            CASE WHEN r_status < %(verified)s THEN 'verified' ELSE 'pending' END, '',
            CASE WHEN r_status < %(verified)s THEN created_at + interval '2 hours' END,
            created_at, created_at, NULL, library_id, NULL,
            (%(categories)s::bigint[])[1 + floor(r_category * %(category_count)s)::int], 1
        FROM (
            SELECT library_id, number,
                (month + floor(random() * days) * interval '1 day')::date AS starts_on,
                (month + interval '1 month') AT TIME ZONE %(tz)s AS created_at,
                3 + floor(random() * 30)::int AS female, 2 + floor(random() * 25)::int AS male,
                random() AS r_status, random() AS r_children, random() AS r_youth,
                random() AS r_elderly, random() AS r_disability, random() AS r_low_income,
                random() AS r_out_of_school, random() AS r_category
            FROM (
                SELECT library.id AS library_id, month,
                    extract(day FROM month + interval '1 month - 1 day') AS days,
                    CASE
                        WHEN library.id %% %(quiet_every)s = 0
                            AND month > %(last)s::date - %(quiet_months)s * interval '1 month'
                        THEN 0
                        ELSE floor(random() * %(draw)s)::int
                    END AS planned
                {MEMBER_MONTHS.format(extra="AND library.id BETWEEN %(low)s AND %(high)s")}
                OFFSET 0
            ) AS member_month
            CROSS JOIN LATERAL generate_series(1, planned) AS number
            OFFSET 0
        ) AS drawn
    """
    return _execute(
        sql,
        {
            "first": first,
            "last": last,
            "prefix": f"{PREFIX}%",
            "low": library_ids.start,
            "high": library_ids.stop - 1,
            "tz": settings.TIME_ZONE,
            "quiet_every": QUIET_EVERY,
            "quiet_months": QUIET_MONTHS,
            "draw": ACTIVITY_DRAW,
            "published": PUBLISHED_SHARE,
            # A share of the published ones: a draft is never verified.
            "verified": PUBLISHED_SHARE * VERIFIED_SHARE,
            "categories": categories,
            "category_count": len(categories),
        },
    )


# Outcome surveys: one published activity in SURVEY_EVERY has a survey with
# RESPONSES_PER_SURVEY answers; FOLLOWED_UP_SHARE of them answered the follow-up.
SURVEY_EVERY = 100
RESPONSES_PER_SURVEY = 5
FOLLOWED_UP_SHARE = 0.3


def insert_surveys():
    """Surveys of a sample of the published bench activities (every SURVEY_EVERY-th id)."""
    return _execute(
        """
        INSERT INTO surveys_survey (activity_id, token, closed_at, created_at)
        SELECT activity.id, 'bench-' || activity.id, NULL, activity.created_at
        FROM activities_activity AS activity
        JOIN libraries_library AS library ON library.id = activity.library_id
        WHERE library.name LIKE %(prefix)s AND activity.status = 'published'
            AND activity.id %% %(every)s = 0
        """,
        {"prefix": f"{PREFIX}%", "every": SURVEY_EVERY},
    )


def insert_responses():
    """RESPONSES_PER_SURVEY answers to each bench survey: each outcome 1–5, leaning to agree;
    a third with what they will do next; livelihood answers for livelihood categories."""
    return _execute(
        """
        INSERT INTO surveys_response (
            survey_id, source, knowledge, confidence, application, awareness, next_step,
            livelihood, device, submission_key, created_at, entered_by_id, applied,
            followed_up_at)
        SELECT survey_id, 'online',
            1 + floor(sqrt(r_knowledge) * 4.999)::int,
            1 + floor(sqrt(r_confidence) * 4.999)::int,
            1 + floor(sqrt(r_application) * 4.999)::int,
            1 + floor(r_awareness * 4.999)::int,
            CASE WHEN r_text < 0.33 THEN 'Mencoba di rumah' ELSE '' END,
            CASE WHEN livelihood THEN
                (ARRAY['no', 'money', 'business'])[1 + floor(r_text * 2.999)::int]
            ELSE '' END,
            '', 'bench-' || survey_id || '-' || number, created_at, NULL,
            CASE WHEN r_follow < %(followed)s THEN r_follow < %(followed)s * 0.7 END,
            CASE WHEN r_follow < %(followed)s THEN created_at + interval '40 days' END
        FROM (
            SELECT survey.id AS survey_id, number, survey.created_at,
                category.livelihood,
                random() AS r_knowledge, random() AS r_confidence, random() AS r_application,
                random() AS r_awareness, random() AS r_text, random() AS r_follow
            FROM surveys_survey AS survey
            JOIN activities_activity AS activity ON activity.id = survey.activity_id
            JOIN activities_category AS category ON category.id = activity.category_id
            CROSS JOIN generate_series(1, %(per_survey)s) AS number
            WHERE survey.token LIKE 'bench-%%'
            OFFSET 0
        ) AS drawn
        """,
        {"per_survey": RESPONSES_PER_SURVEY, "followed": FOLLOWED_UP_SHARE},
    )
