"""The advocacy brief: what a library (or all the libraries of a region) did and won, on one or
two A4 pages to hand over at a meeting with local government.

Every figure comes from the records: monthly reports of the last twelve full months, published
activities of the same months, partners' contributions and the commitments logged in past
meetings. Photos are only those with consent, of published activities.
"""

import datetime

from django.db.models import Count, Q, Sum
from django.utils import timezone

from inklusi.activities.models import Activity, ActivityPhoto, Category
from inklusi.core.charts import column_chart
from inklusi.core.pdf import image_data_uri
from inklusi.libraries.models import Library
from inklusi.partners.models import Contribution, ContributionKind, Partner
from inklusi.reports.models import MonthlyReport, first_of_month

from .models import AdvocacyMeeting

MONTHS = 12
PHOTOS = 2
TOP_PARTNERS = 8
# The chart's drawing units: 600 wide, the bars' base line and tallest bar.
CHART_WIDTH, CHART_BASE, CHART_HEIGHT = 600, 100, 84


def last_months(today=None, count=MONTHS):
    """The first days of the `count` full months before the current one, oldest first."""
    month = first_of_month(today or timezone.localdate())
    months = []
    for _ in range(count):
        month = first_of_month(month - datetime.timedelta(days=1))
        months.append(month)
    return months[::-1]


def default_ask(meetings):
    """The open asks of the latest meeting that asked for something."""
    latest = meetings.exclude(asked="").order_by("-met_on", "-pk").first()
    return latest.asked.strip() if latest else ""


def brief_data(libraries, meetings, partners):
    """Everything the brief shows, for these libraries, meetings and partners (querysets)."""
    months = last_months()
    start, end = months[0], months[-1]
    reports = MonthlyReport.objects.filter(library__in=libraries, month__gte=start, month__lte=end)
    by_month = {
        row["month"]: row
        for row in reports.values("month")
        .annotate(
            female=Sum("visitors_female"),
            male=Sum("visitors_male"),
            loans=Sum("loans"),
            computer=Sum("computer_users"),
            internet=Sum("internet_users"),
            new_members=Sum("new_members"),
        )
        .order_by()
    }
    trend = []
    for month in months:
        row = by_month.get(month, {})
        trend.append(
            {
                "month": month,
                "visitors": (row.get("female") or 0) + (row.get("male") or 0),
                "reported": month in by_month,
            }
        )

    def total(key):
        return sum(row[key] or 0 for row in by_month.values())

    # Members: each library's count in its latest report of the period, added up.
    latest = {}
    for library_id, members in reports.order_by("month").values_list("library", "total_members"):
        latest[library_id] = members
    figures = {
        "visitors": total("female") + total("male"),
        "visitors_female": total("female"),
        "loans": total("loans"),
        "members": sum(latest.values()),
        "new_members": total("new_members"),
        "computer_users": total("computer"),
        "internet_users": total("internet"),
        "reports": reports.count(),
    }

    activities = Activity.objects.published().filter(
        library__in=libraries,
        starts_on__gte=start,
        starts_on__lt=first_of_month(timezone.localdate()),
    )
    sums = activities.aggregate(
        n=Count("pk"), female=Sum("participants_female"), male=Sum("participants_male")
    )
    participants = (sums["female"] or 0) + (sums["male"] or 0)
    categories = (
        activities.values("category")
        .annotate(n=Count("pk"), female=Sum("participants_female"), male=Sum("participants_male"))
        .order_by("-n", "category")
    )
    category_names = {
        c.pk: str(c)
        for c in Category.objects.filter(pk__in={row["category"] for row in categories})
    }
    activity_figures = {
        "count": sums["n"],
        "participants": participants,
        "women_percent": round(100 * (sums["female"] or 0) / participants) if participants else 0,
        "by_category": [
            {
                "name": category_names[row["category"]],
                "count": row["n"],
                "participants": (row["female"] or 0) + (row["male"] or 0),
            }
            for row in categories
        ],
    }

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
        "months": months,
        "figures": figures,
        "chart": column_chart(trend, "visitors", CHART_WIDTH, CHART_BASE, CHART_HEIGHT),
        "activities": activity_figures,
        "partners": partners[:TOP_PARTNERS],
        "partner_count": len(partners),
        "contributions_total": sum(totals.values()),
        "cash": cash,
        "commitments": list(committed_rows[:5]),
        "committed": committed,
        "won": committed + cash,
        "photos": photos,
    }


def library_brief(library):
    """(libraries, meetings, partners) of a library's brief."""
    return (
        Library.objects.filter(pk=library.pk),
        AdvocacyMeeting.objects.about(library=library),
        Partner.objects.filter(libraries=library),
    )


def region_brief(region):
    """(libraries, meetings, partners) of a region's brief: partners of its libraries and
    partners recorded for a region inside it."""
    libraries = Library.objects.filter(region__code__inside=region.code)
    partners = Partner.objects.filter(
        Q(libraries__in=libraries) | Q(region__code__inside=region.code)
    ).values("pk")
    return (
        libraries,
        AdvocacyMeeting.objects.about(region=region),
        Partner.objects.filter(pk__in=partners),
    )
