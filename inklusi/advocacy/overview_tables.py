"""The coordinator's overview: partners by type and regency, contributions by type and year,
commitments won by counterpart and year. Each table is (headers, rows), shown on the page and
exported as it is."""

from collections import Counter

from django.db.models import Count, Q, Sum
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from inklusi.partners.models import Contribution, ContributionKind, Partner, PartnerKind
from inklusi.regions.models import Region

from .models import AdvocacyMeeting, CounterpartKind


def regencies_of(partner, scope):
    """The regency codes a partner works in, of those the user sees: its own region's and its
    libraries'."""
    codes = [partner.region_id] if partner.region_id else []
    codes += [library.region_id for library in partner.libraries.all()]
    regencies = {code[:5] for code in codes if len(code) >= 5}
    return sorted(code for code in regencies if scope.sees_region(code)) or [""]


def partners_table(scope):
    """Partners counted by type and regency (a partner working in two regencies counts in
    each; one with only a province or no region counts under "no regency")."""
    partners = (
        Partner.objects.visible_to(scope).prefetch_related("libraries").only("kind", "region_id")
    )
    counts = Counter()
    for partner in partners.iterator(chunk_size=1000):
        for code in regencies_of(partner, scope):
            counts[(code, partner.kind)] += 1
    names = dict(
        Region.objects.filter(code__in={code for code, _kind in counts}).values_list("code", "name")
    )
    rows = [
        [code, names.get(code, _("(no regency)")), PartnerKind(kind).label, n]
        for (code, kind), n in sorted(counts.items())
    ]
    return [_("Regency code"), _("Regency/city"), _("Type"), _("Partners")], rows


def contributions_table(scope):
    contributions = Contribution.objects.visible_to(scope)
    grouped = (
        contributions.annotate(year=ExtractYear("given_on"))
        .values("year", "kind")
        .annotate(
            n=Count("pk"),
            total=Sum("value"),
            estimated=Sum("value", filter=Q(is_estimate=True)),
        )
        .order_by("-year", "kind")
    )
    rows = [
        [
            row["year"],
            ContributionKind(row["kind"]).label,
            row["n"],
            row["total"],
            row["estimated"] or 0,
        ]
        for row in grouped
    ]
    headers = [_("Year"), _("Type"), _("Contributions"), _("Value (Rp)"), _("Of which estimated")]
    return headers, rows


def commitments_table(scope):
    meetings = AdvocacyMeeting.objects.visible_to(scope).filter(committed_amount__gt=0)
    grouped = (
        meetings.annotate(year=ExtractYear("met_on"))
        .values("year", "counterpart_kind")
        .annotate(n=Count("pk"), total=Sum("committed_amount"))
        .order_by("-year", "counterpart_kind")
    )
    rows = [
        [row["year"], CounterpartKind(row["counterpart_kind"]).label, row["n"], row["total"]]
        for row in grouped
    ]
    return [_("Year"), _("Met with"), _("Meetings"), _("Committed (Rp)")], rows


# How each column is shown on the page: text, a count, Rupiah, or not at all (a code, for the
# spreadsheet only).
COLUMNS = {
    "mitra": ("code", "text", "text", "count"),
    "kontribusi": ("text", "text", "count", "money", "money"),
    "komitmen": ("text", "text", "count", "money"),
}
TITLES = {
    "mitra": gettext_lazy("Partners by type and regency"),
    "kontribusi": gettext_lazy("Contributions by type and year"),
    "komitmen": gettext_lazy("Commitments won by counterpart and year"),
}
# Sheet names are at most 31 characters.
SHEET_TITLES = {
    "mitra": gettext_lazy("Partners by regency"),
    "kontribusi": gettext_lazy("Contributions by year"),
    "komitmen": gettext_lazy("Commitments by year"),
}
BUILDERS = {
    "mitra": partners_table,
    "kontribusi": contributions_table,
    "komitmen": commitments_table,
}
