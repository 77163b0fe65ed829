"""The advocacy brief: what a library (or all the libraries of a region) did and won, on one or
two A4 pages to hand over at a meeting with local government.

Every figure comes from the records: the place's figures of the last twelve full months as
the dashboard defines them (monitoring.figures), partners' contributions and the commitments
logged in past meetings. Photos are only those with consent, of published activities. What
participants said in the outcome surveys shows when at least five answered.
"""

from django.db.models import Q, Sum
from django.utils import timezone, translation
from django.utils.text import slugify

from inklusi.activities.models import ActivityPhoto
from inklusi.core.charts import column_chart
from inklusi.core.pdf import image_data_uri, render_pdf
from inklusi.monitoring.figures import last_twelve_months, place_figures
from inklusi.monitoring.indicators import Place, categories
from inklusi.partners.models import Contribution, ContributionKind, Partner
from inklusi.stories.models import Story
from inklusi.surveys import results as survey_results

from .models import AdvocacyMeeting

# The brief is for Indonesian local government, whatever the language of the person printing.
LANGUAGE = "id"
TEMPLATE = "advocacy/brief.html"
PHOTOS = 2
STORIES = 2  # the latest chosen stories of change
TOP_PARTNERS = 8
BRIEF_QUOTES = 3
# The chart's drawing units: 600 wide, the bars' base line and tallest bar.
CHART_WIDTH, CHART_BASE, CHART_HEIGHT = 600, 100, 84


def filename(title):
    return f"brief-{slugify(title) or 'advokasi'}-{timezone.localdate():%Y-%m-%d}.pdf"


def context(title, place_name, ask, figures_of, meetings, partners, **subject):
    """Everything the brief's template shows, in Indonesian."""
    with translation.override(LANGUAGE):
        return {
            "title": title,
            "place": place_name,
            "ask": ask,
            "today": timezone.localdate(),
            **subject,
            **brief_data(figures_of, meetings, partners),
        }


def region_brief_pdf(region):
    """A region's brief with its default ask, as PDF bytes (the briefs of every regency of a
    province are prepared this way, in the background)."""
    figures_of, meetings, partners = region_brief(region)
    data = context(
        region.label,
        region.full_name(),
        default_ask(meetings),
        figures_of,
        meetings,
        partners,
        region=region,
    )
    with translation.override(LANGUAGE):
        return render_pdf(TEMPLATE, data)


def default_ask(meetings):
    """The open asks of the latest meeting that asked for something."""
    latest = meetings.exclude(asked="").order_by("-met_on", "-pk").first()
    return latest.asked.strip() if latest else ""


def brief_data(place, meetings, partners):
    """Everything the brief shows, for this place (a monitoring Place), meetings and partners
    (querysets)."""
    months = last_twelve_months()
    figures = place_figures(place, months)
    libraries = place.libraries()
    contributions = Contribution.objects.filter(library__in=libraries)
    partner_totals = (
        contributions.values("partner").annotate(total=Sum("value")).order_by("-total", "partner")
    )
    totals = {row["partner"]: row["total"] for row in partner_totals}
    partners = list(partners.order_by("name"))
    for partner in partners:
        partner.total = totals.get(partner.pk, 0)
    partners.sort(key=lambda p: (-p.total, p.name))
    cash = contributions.filter(kind=ContributionKind.CASH).aggregate(v=Sum("value"))["v"] or 0
    committed_rows = (
        meetings.filter(committed_amount__gt=0)
        .select_related("library", "region")
        .order_by("-met_on", "-pk")
    )
    committed = sum(m.committed_amount for m in committed_rows)

    photos = [
        uri
        for uri in (
            image_data_uri(photo.thumbnail)
            for photo in ActivityPhoto.objects.public()
            .filter(activity__library__in=libraries)
            .select_related("activity")
            .order_by("-activity__starts_on", "position", "pk")[:PHOTOS]
        )
        if uri
    ]
    return {
        "library_count": libraries.count(),
        "months": months,
        "figures": figures,
        "categories": [row for row in categories(place, months) if row["activities"]],
        "chart": column_chart(figures["trend"], "visitors", CHART_WIDTH, CHART_BASE, CHART_HEIGHT),
        "partners": partners[:TOP_PARTNERS],
        "partner_count": len(partners),
        "contributions_total": sum(totals.values()),
        "cash": cash,
        "commitments": list(committed_rows[:5]),
        "committed": committed,
        "won": committed + cash,
        "photos": photos,
        "stories": list(
            Story.objects.chosen()
            .filter(library__in=libraries)
            .select_related("library")
            .prefetch_related("selections__region")
            .order_by("-quarter", "-pk")[:STORIES]
        ),
        "outcomes": survey_results.for_place(place.code, place.library, months[0], months[-1]),
        "quotes": survey_results.quotes_for_place(
            place.code, place.library, months[0], months[-1], limit=BRIEF_QUOTES
        ),
    }


def library_brief(library):
    """(place, meetings, partners) of a library's brief."""
    return (
        Place(library=library),
        AdvocacyMeeting.objects.about(library=library),
        Partner.objects.filter(libraries=library),
    )


def region_brief(region):
    """(place, meetings, partners) of a region's brief: partners of its libraries and
    partners recorded for a region inside it."""
    place = Place(region=region)
    partners = Partner.objects.filter(
        Q(libraries__in=place.libraries()) | Q(region__code__inside=region.code)
    ).values("pk")
    return (
        place,
        AdvocacyMeeting.objects.about(region=region),
        Partner.objects.filter(pk__in=partners),
    )
