"""What the surveys say: per activity (from the answers), per library, region and period
(from the summary tables). The dashboard, the advocacy brief, the public pages and the KPI
card read these functions, so each share has one definition:

- the share agreeing (4 or 5 of 5) per outcome, of the people who answered;
- the follow-up application rate: of the follow-ups answered, the share who applied it;
- for livelihood activities, the share who earned or saved money or started a business.

Public pages show a result only when at least `PUBLIC_MINIMUM` people answered, and never a
quote (people may write names in their own words).
"""

from dataclasses import dataclass, field

from django.db.models import F
from django.db.models.functions import Substr

from inklusi.core.months import next_month
from inklusi.core.numbers import half_up
from inklusi.core.summary_sql import read_sums
from inklusi.regions.models import Level, Region

from .models import OUTCOMES, SURVEY_FIGURES, Response, SurveyMonth, SurveyRegionMonth
from .summaries import SUMMARY_CODE_LENGTHS, _fresh

PUBLIC_MINIMUM = 5
QUOTE_LIMIT = 5
QUOTE_LIBRARIES = 20


def _share(part, whole):
    return half_up(100 * part / whole, 1) if whole else None


@dataclass
class Outcomes:
    figures: dict = field(default_factory=lambda: dict.fromkeys(SURVEY_FIGURES, 0))

    @property
    def responses(self):
        return self.figures["responses"]

    @property
    def shares(self):
        """[(outcome, share agreeing in percent or None)] in the order of OUTCOMES."""
        return [
            (outcome, _share(self.figures[f"{outcome}_agree"], self.responses))
            for outcome in OUTCOMES
        ]

    def share(self, outcome):
        return _share(self.figures[f"{outcome}_agree"], self.responses)

    @property
    def followups(self):
        return self.figures["followups"]

    @property
    def applied_share(self):
        return _share(self.figures["applied"], self.followups)

    @property
    def livelihood_asked(self):
        return self.figures["livelihood_asked"]

    @property
    def livelihood_share(self):
        return _share(self.figures["livelihood_yes"], self.livelihood_asked)

    @property
    def is_public(self):
        """Enough answers to show the aggregate to the public."""
        return self.responses >= PUBLIC_MINIMUM


def _outcomes_of(sums):
    """Outcomes of the SURVEY_FIGURES sums in their order (None, of no rows, is 0)."""
    return Outcomes({name: value or 0 for name, value in zip(SURVEY_FIGURES, sums, strict=True)})


def _sums_by(rows, key):
    """{key value: Outcomes} of summary rows, in one query (`read_sums`)."""
    return {row[0]: _outcomes_of(row[1:]) for row in read_sums(rows, (key,), SURVEY_FIGURES)}


def _sum(rows):
    (row,) = read_sums(rows, (), SURVEY_FIGURES)
    return _outcomes_of(row)


def outcome_shares(libraries, first, last):
    """The outcomes of the activities of `libraries` (a Library queryset, a list of ids or of
    libraries) held from month `first` to month `last`."""
    return _sum(SurveyMonth.objects.filter(library__in=libraries, month__range=(first, last)))


def library_outcomes(library, first, last):
    return _sum(SurveyMonth.objects.filter(library=library, month__range=(first, last)))


def place_outcomes(code, first, last):
    """The nation (""), a province, regency or district from its region rows; a village from
    its libraries' rows."""
    if len(code) in SUMMARY_CODE_LENGTHS:
        rows = SurveyRegionMonth.objects.filter(region_code=code)
    else:
        rows = SurveyMonth.objects.filter(region_code__inside=code)
    return _sum(rows.filter(month__range=(first, last)))


def child_outcomes(code, first, last):
    """{child region code: Outcomes} one level below `code` (the drill-down). The children's
    region rows are found by their codes (the unique index), the villages of a district from
    its libraries' rows."""
    if len(code) == 8:
        rows = SurveyMonth.objects.filter(region_code__inside=code).annotate(
            child=Substr("region_code", 1, 13)
        )
    elif len(code) in (0, 2, 5):
        children = (
            Region.objects.filter(parent_id=code)
            if code
            else Region.objects.filter(level=Level.PROVINCE)
        )
        rows = SurveyRegionMonth.objects.filter(region_code__in=children.values("code")).annotate(
            child=F("region_code")
        )
    else:
        return {}
    return _sums_by(rows.filter(month__range=(first, last)), "child")


def library_rows(libraries, first, last):
    """{library id: Outcomes} of these libraries."""
    rows = SurveyMonth.objects.filter(library__in=libraries, month__range=(first, last))
    return _sums_by(rows, "library_id")


def activity_outcomes(activity):
    """One activity's outcomes, from its answers."""
    rows = _fresh(Response.objects.filter(survey__activity=activity))
    outcomes = Outcomes()
    for figures in rows.values():
        outcomes.figures = {n: outcomes.figures[n] + figures[n] for n in SURVEY_FIGURES}
    return outcomes


def quotes(responses, limit=QUOTE_LIMIT):
    """The latest "what will you do next" answers of these responses (never public)."""
    return list(
        responses.exclude(next_step="")
        .order_by("-created_at")
        .values_list("next_step", flat=True)[:limit]
    )


def place_quotes(code, first, last, libraries=None, limit=QUOTE_LIMIT):
    """The latest quotes of a place's activities in these months. A region's come from the
    QUOTE_LIBRARIES libraries with answers in its latest months (their summary rows), so the
    answers are reached through the libraries' activities, never by scanning all answers."""
    if libraries is None:
        rows = SurveyMonth.objects.filter(month__range=(first, last), responses__gt=0)
        if code:
            rows = rows.filter(region_code__inside=code)
        libraries = list(
            rows.order_by("-month", "-library_id").values_list("library_id", flat=True)[
                :QUOTE_LIBRARIES
            ]
        )
    responses = Response.objects.filter(
        survey__activity__library_id__in=[getattr(lib, "pk", lib) for lib in libraries],
        survey__activity__starts_on__gte=first,
        survey__activity__starts_on__lt=next_month(last),
    )
    return quotes(responses, limit)


def for_place(code, library, first, last):
    """The outcomes of a dashboard place: one library, or a region ("" the nation)."""
    if library is not None:
        return library_outcomes(library, first, last)
    return place_outcomes(code, first, last)


def quotes_for_place(code, library, first, last, limit=QUOTE_LIMIT):
    libraries = [library] if library is not None else None
    return place_quotes(code, first, last, libraries=libraries, limit=limit)
