"""The KPI card: the facts of a library's quarter (`gather`), the score the rules give them
(`score`), the stored cards (`refresh`), and what the pages ask of them (`distribution`,
`moved`).

`gather` reads every library of a batch in a fixed number of queries, so the nightly refresh
of the whole country costs a few queries per thousand libraries. Everything the score needs is
kept in the facts, so `score(card.facts)` redraws the explanation of a stored card exactly.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.db.models import Count, Exists, F, OuterRef, Q, Subquery
from django.db.models.functions import Substr
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from inklusi.activities.models import Activity, ActivityPhoto
from inklusi.advocacy.models import AdvocacyMeeting
from inklusi.core.months import first_of_month, month_label
from inklusi.core.numbers import half_up
from inklusi.libraries.models import Library
from inklusi.partners.models import Agreement, AgreementStatus, Contribution
from inklusi.regions.models import Region
from inklusi.reports.models import MonthlyReport
from inklusi.reports.queries import REPORTING_STATUSES, State, state
from inklusi.surveys.models import OUTCOMES
from inklusi.surveys.results import library_rows

from . import quarters, rules
from .models import Colour, LibraryScore

BATCH = 1000

PART_LABELS = {
    rules.REPORTING: gettext_lazy("Reporting on time"),
    rules.COMMUNITY: gettext_lazy("Community activities and participants"),
    rules.PUBLICITY: gettext_lazy("Publicity and public pages"),
    rules.PARTNERSHIP: gettext_lazy("Partnerships and advocacy"),
    rules.OUTCOMES: gettext_lazy("Outcomes"),
}


# The facts ------------------------------------------------------------------------------


def scored_libraries(quarter):
    """The libraries that get a card for `quarter`: in the programme, and joined by its end."""
    return Library.objects.filter(status__in=REPORTING_STATUSES).filter(
        Q(joined_on__isnull=True) | Q(joined_on__lte=quarters.last_day(quarter))
    )


def gather(libraries, quarter, today=None):
    """{library id: facts} of `quarter` for the given libraries (a list), in six queries."""
    today = today or timezone.localdate()
    first, last = quarter, quarters.last_day(quarter)
    ids = [library.pk for library in libraries]
    facts = {library.pk: _profile_facts(library) for library in libraries}
    by_library = defaultdict(dict)
    for report in MonthlyReport.objects.filter(
        library__in=ids, month__gte=first, month__lte=last
    ).values("library_id", "month", "pk", "submitted_at"):
        by_library[report["library_id"]][report["month"]] = report
    for library in libraries:
        joined = first_of_month(library.joined_on) if library.joined_on else first
        months = []
        for month in quarters.months(quarter):
            report = by_library[library.pk].get(month)
            shown = state(report["submitted_at"] if report else None, month, today)
            if month >= joined and shown != State.NOT_YET:
                months.append([month.isoformat(), shown.value, report["pk"] if report else None])
        facts[library.pk]["months"] = months

    photos = ActivityPhoto.objects.filter(activity=OuterRef("pk"), consent_to_publish=True)
    activities = (
        Activity.objects.published()
        .filter(library__in=ids, starts_on__gte=first, starts_on__lte=last)
        .annotate(photo=Exists(photos))
        .order_by("starts_on", "pk")
    )
    for activity in activities:
        facts[activity.library_id]["activities"].append(
            {
                "id": activity.pk,
                "title": activity.title,
                "on": activity.starts_on.isoformat(),
                "participants": activity.participants_total,
                "photo": activity.photo,
                "social": bool(activity.social_links()),
                "outcome": bool(activity.outcome.strip()),
            }
        )

    for contribution in Contribution.objects.filter(
        library__in=ids, given_on__gte=first, given_on__lte=last
    ).order_by("given_on", "pk"):
        facts[contribution.library_id]["contributions"].append(
            {"id": contribution.pk, "on": contribution.given_on.isoformat()}
        )

    in_force = Agreement.objects.filter(
        Q(ends_on__isnull=True) | Q(ends_on__gte=first),
        status__in=(AgreementStatus.ACTIVE, AgreementStatus.ENDED),
        starts_on__lte=last,
    ).order_by()
    # An agreement names one library, or covers all its partner's libraries.
    covered = (
        in_force.filter(library__in=ids)
        .values_list("pk", "library_id")
        .union(
            in_force.filter(library__isnull=True, partner__libraries__in=ids).values_list(
                "pk", "partner__libraries"
            )
        )
    )
    for agreement_id, library_id in sorted(covered):
        facts[library_id]["agreements"].append({"id": agreement_id})

    for meeting in AdvocacyMeeting.objects.filter(
        library__in=ids, met_on__gte=first, met_on__lte=last
    ).order_by("met_on", "pk"):
        facts[meeting.library_id]["meetings"].append(
            {
                "id": meeting.pk,
                "on": meeting.met_on.isoformat(),
                "committed": bool(meeting.committed.strip() or meeting.committed_amount),
            }
        )
    for library_id, survey in survey_facts(ids, first, last).items():
        facts[library_id]["survey"] = survey
    return facts


def _profile_facts(library):
    return {
        "library": library.pk,
        "profile": {
            "description": bool(library.description.strip()),
            "cover": bool(library.cover_photo),
            "online": bool(library.social_links()),
        },
        "months": [],
        "activities": [],
        "contributions": [],
        "agreements": [],
        "meetings": [],
        "survey": None,
    }


def survey_facts(library_ids, first, last):
    """{library id: {"responses": n, "agree": share}} from the outcome surveys of the
    libraries' activities held from `first` to `last` (surveys.results): the share of all
    outcome answers (four per person) that agree."""
    facts = {}
    for library_id, outcomes in library_rows(library_ids, first, last).items():
        if outcomes.responses:
            agreeing = sum(outcomes.figures[f"{outcome}_agree"] for outcome in OUTCOMES)
            facts[library_id] = {
                "responses": outcomes.responses,
                "agree": round(agreeing / (len(OUTCOMES) * outcomes.responses), 4),
            }
    return facts


# The score ------------------------------------------------------------------------------


@dataclass
class Line:
    """One record's (or one rule's) points in the explanation."""

    text: str
    points: Decimal
    url: str = ""
    # A link only for the library's editors (the advocacy log is their working notes).
    private: bool = False


@dataclass
class Part:
    key: str
    weight: int
    points: Decimal = Decimal(0)
    lines: list = field(default_factory=list)

    @property
    def label(self):
        return PART_LABELS[self.key]

    @property
    def shown(self):
        return half_up(self.points, 1)

    def add(self, text, points, url="", private=False):
        points = Decimal(points)
        self.points += points
        self.lines.append(Line(text, half_up(points, 1), url, private))


@dataclass
class Card:
    parts: list

    @property
    def total(self):
        return int(half_up(sum(part.points for part in self.parts), 0))

    @property
    def colour(self):
        return rules.colour(self.total)

    def part(self, key):
        return next(part for part in self.parts if part.key == key)


def _capped(part, items, each, cap, text):
    """`each` points for each of `items` up to `cap` of them; the rest are listed at 0."""
    for index, item in enumerate(items):
        counted = index < cap
        shown = (
            text(item)
            if counted
            else _("%(record)s (beyond the %(cap)s that count)")
            % {
                "record": text(item),
                "cap": cap,
            }
        )
        part.add(shown, each if counted else 0, *item.get("link", ("", False)))


def score(facts):
    """The card the rules give a quarter's facts: each part with its points and lines."""
    parts = {key: Part(key, weight) for key, weight in rules.WEIGHTS.items()}
    activities = [
        {**a, "link": (reverse("activities:detail", args=[a["id"]]), False)}
        for a in facts["activities"]
    ]

    part = parts[rules.REPORTING]
    months = facts["months"]
    for month, shown, report_id in months:
        share = Decimal(rules.WEIGHTS[rules.REPORTING]) / len(months)
        earned = {State.ON_TIME: share, State.LATE: share * rules.LATE_SHARE}.get(shown, 0)
        url = reverse("reports:detail", args=[report_id]) if report_id else ""
        part.add(f"{month_label(parse_date(month))}: {State(shown).label}", earned, url)
    if not months:
        part.add(_("No report was due yet: the part is not counted against the library."), 0)

    part = parts[rules.COMMUNITY]
    held = len(activities)
    part.add(
        _("%(n)s published activities of the target %(target)s")
        % {"n": held, "target": rules.ACTIVITY_TARGET},
        Decimal(rules.ACTIVITY_POINTS) * min(held, rules.ACTIVITY_TARGET) / rules.ACTIVITY_TARGET,
    )
    came = sum(a["participants"] for a in activities)
    part.add(
        _("%(n)s participants of the target %(target)s")
        % {"n": came, "target": rules.PARTICIPANT_TARGET},
        Decimal(rules.PARTICIPANT_POINTS)
        * min(came, rules.PARTICIPANT_TARGET)
        / rules.PARTICIPANT_TARGET,
    )
    for activity in activities:
        part.lines.append(
            Line(
                f"{activity['title']} ({activity['participants']})",
                None,
                activity["link"][0],
            )
        )

    part = parts[rules.PUBLICITY]
    _capped(
        part,
        [a for a in activities if a["photo"]],
        rules.PHOTO_POINTS,
        rules.PHOTO_CAP,
        lambda a: _("Photo on the public page: %(title)s") % {"title": a["title"]},
    )
    _capped(
        part,
        [a for a in activities if a["social"]],
        rules.SOCIAL_POINTS,
        rules.SOCIAL_CAP,
        lambda a: _("Social-media post: %(title)s") % {"title": a["title"]},
    )
    profile = facts["profile"]
    complete = all(profile.values())
    part.add(
        _("Public profile with a description, a cover photo and a website or social account")
        if complete
        else _("Public profile not complete (description, cover photo, website or account)"),
        rules.PROFILE_POINTS if complete else 0,
        reverse("public:library", args=[facts["library"]]),
    )

    part = parts[rules.PARTNERSHIP]
    _capped(
        part,
        [
            {**c, "link": (reverse("partners:contribution_edit", args=[c["id"]]), True)}
            for c in facts["contributions"]
        ],
        rules.CONTRIBUTION_POINTS,
        rules.CONTRIBUTION_CAP,
        lambda c: _("A partner's contribution on %(day)s") % {"day": _day(c["on"])},
    )
    agreements = facts["agreements"]
    part.add(
        _("%(n)s agreements (MoU/PKS) in force") % {"n": len(agreements)}
        if agreements
        else _("No agreement (MoU/PKS) in force"),
        rules.AGREEMENT_POINTS if agreements else 0,
    )
    meetings = [
        {**m, "link": (reverse("advocacy:detail", args=[m["id"]]), True)} for m in facts["meetings"]
    ]
    _capped(
        part,
        meetings,
        rules.MEETING_POINTS,
        rules.MEETING_CAP,
        lambda m: _("Advocacy meeting on %(day)s") % {"day": _day(m["on"])},
    )
    won = [m for m in meetings if m["committed"]]
    part.add(
        _("A commitment won at the meeting on %(day)s") % {"day": _day(won[0]["on"])}
        if won
        else _("No commitment won yet"),
        rules.COMMITMENT_POINTS if won else 0,
        *(won[0]["link"] if won else ()),
    )

    part = parts[rules.OUTCOMES]
    survey = facts.get("survey")
    if survey and survey["responses"] >= rules.SURVEY_MIN_RESPONSES:
        part.add(
            _("%(n)s survey answers, %(share)s%% agreeing on the outcomes")
            % {"n": survey["responses"], "share": half_up(100 * survey["agree"], 0)},
            Decimal(rules.WEIGHTS[rules.OUTCOMES]) * Decimal(str(survey["agree"])),
        )
    else:
        if survey:
            part.lines.append(
                Line(
                    _("%(n)s survey answers: fewer than %(min)s, so recorded outcomes count")
                    % {"n": survey["responses"], "min": rules.SURVEY_MIN_RESPONSES},
                    None,
                )
            )
        _capped(
            part,
            [a for a in activities if a["outcome"]],
            rules.OUTCOME_POINTS,
            rules.OUTCOME_CAP,
            lambda a: _("Outcome recorded: %(title)s") % {"title": a["title"]},
        )
    return Card(list(parts.values()))


def _day(text):
    return date_format(parse_date(text), "j F Y")


# The stored cards -------------------------------------------------------------------------


def refresh(quarter, libraries=None, today=None):
    """Score `quarter` again for the libraries (all that get a card when None), in batches;
    cards of libraries that no longer get one are removed. Returns how many were written."""
    libraries = scored_libraries(quarter) if libraries is None else libraries
    libraries = libraries.filter(pk__in=scored_libraries(quarter).values("pk")).order_by("pk")
    written = 0
    last_id = 0
    while batch := list(libraries.filter(pk__gt=last_id)[:BATCH]):
        last_id = batch[-1].pk
        cards = []
        for library_id, facts in gather(batch, quarter, today).items():
            card = score(facts)
            cards.append(
                LibraryScore(
                    library_id=library_id,
                    quarter=quarter,
                    total=card.total,
                    colour=card.colour,
                    facts=facts,
                    **{part.key: part.shown for part in card.parts},
                )
            )
        with transaction.atomic():
            LibraryScore.objects.bulk_create(
                cards,
                update_conflicts=True,
                unique_fields=["library", "quarter"],
                update_fields=["total", "colour", *rules.WEIGHTS, "facts", "scored_at"],
            )
        written += len(cards)
    LibraryScore.objects.filter(quarter=quarter).exclude(
        library__in=scored_libraries(quarter)
    ).delete()
    return written


def refresh_recent(today=None):
    """The nightly refresh: the last complete quarter (late reports and activities recorded
    afterwards still change it) and the one before it, which it is compared with."""
    quarter = quarters.last_complete(today)
    return {q: refresh(q, today=today) for q in (quarters.previous(quarter), quarter)}


# What the pages ask ------------------------------------------------------------------------

CHILD_CODE_LENGTH = {0: 2, 1: 5, 2: 8, 3: 13}


def cards_in(scope, quarter, code=""):
    """The cards of `quarter` the user sees, inside the region `code` ("" for everywhere)."""
    cards = LibraryScore.objects.visible_to(scope).filter(quarter=quarter)
    return cards.filter(library__region__code__inside=code) if code else cards


def colour_counts(cards):
    """{"green": n, "yellow": n, "red": n, "total": n} of the cards."""
    # COUNT(*), not COUNT(id): PostgreSQL then answers from the (quarter, colour) index alone.
    counts = dict(cards.order_by().values_list("colour").annotate(n=Count("*")))
    counts = {colour: counts.get(colour, 0) for colour in rules.COLOURS}
    return {**counts, "total": sum(counts.values())}


def distribution(cards, region=None):
    """Per region one level below `region` (the nation's provinces when None): its name, code
    and colour counts, in one grouped query."""
    level = region.level if region else 0
    length = CHILD_CODE_LENGTH.get(level)
    if length is None:
        return []
    rows = (
        cards.order_by()
        .annotate(child=Substr("library__region_id", 1, length))
        .values("child", "colour")
        .annotate(n=Count("pk"))
    )
    counts = defaultdict(lambda: dict.fromkeys(rules.COLOURS, 0))
    for row in rows:
        counts[row["child"]][row["colour"]] = row["n"]
    names = Region.objects.in_bulk(list(counts))
    # A library held at the place itself (a regency's own library) has no region below it.
    return [
        {
            "code": code,
            "name": names[code].name if code in names else code,
            "below": code != (region.code if region else ""),
            **counts[code],
        }
        for code in sorted(counts, key=lambda c: names[c].name if c in names else c)
    ]


RANK = {rules.RED: 0, rules.YELLOW: 1, rules.GREEN: 2}


def moved(cards, quarter):
    """The cards whose colour differs from the library's card of the quarter before, each
    with `before` (that colour) and `went_up`: (went up, went down), in one query."""
    before = LibraryScore.objects.filter(
        library=OuterRef("library"), quarter=quarters.previous(quarter)
    ).values("colour")[:1]
    changed = (
        cards.annotate(before=Subquery(before))
        .exclude(before=None)
        .exclude(before=F("colour"))
        .select_related("library__region")
        .defer("facts")
        .order_by("library__name", "pk")
    )
    up, down = [], []
    for card in changed:
        card.went_up = RANK[card.colour] > RANK[card.before]
        card.before_label = Colour(card.before).label
        (up if card.went_up else down).append(card)
    return up, down
