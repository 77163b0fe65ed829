"""What the public pages may show: published activities with consented photos, and figures.

Everything a visitor sees goes through these functions, so nothing unpublished, unconsented
or personal can slip onto a public page by a forgotten filter.
"""

import datetime
import re

from django.db.models import Count, Prefetch, Q, Sum
from django.db.models.functions import Substr
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from inklusi.activities.models import (
    AGE_FIELDS,
    GENDER_FIELDS,
    INCLUSION_FIELDS,
    Activity,
    ActivityPhoto,
)
from inklusi.activities.models import Status as ActivityStatus
from inklusi.libraries.models import Library
from inklusi.regions.models import CODE_LENGTH, Level, Region
from inklusi.reports.models import MonthlyReport, first_of_month

SUMMARY_LENGTH = 200
# A Kemendagri code: 16, 16.07, 16.07.10, 16.07.10.1002.
REGION_CODE = re.compile(r"[0-9]{2}(\.[0-9]{2}(\.[0-9]{2}(\.[0-9]{4})?)?)?")


def is_region_code(code):
    return REGION_CODE.fullmatch(code) is not None


def public_activities():
    """Published activities, newest first, with library, region and consented photos
    (`activity.public_photos`) fetched in a fixed number of queries."""
    return (
        Activity.objects.published()
        .select_related("category", "library__region__parent__parent")
        .prefetch_related(
            Prefetch("photos", queryset=ActivityPhoto.objects.public(), to_attr="public_photos")
        )
        .order_by("-starts_on", "-published_at", "-pk")
    )


def shorten(text):
    """At most SUMMARY_LENGTH characters of `text` on one line, cut at a word."""
    return Truncator(" ".join(text.split())).chars(SUMMARY_LENGTH)


def summary(activity):
    """A short plain text saying what happened (for link previews and feeds)."""
    return shorten(activity.description or activity.outcome or activity.title)


def participant_groups(activity):
    """(heading, [(label, count)]) for gender, age and inclusion; empty groups left out."""
    groups = []
    for heading, names in (
        (_("By gender"), GENDER_FIELDS),
        (_("By age"), AGE_FIELDS),
        (_("Inclusion"), INCLUSION_FIELDS),
    ):
        rows = [(Activity._meta.get_field(n).verbose_name, getattr(activity, n)) for n in names]
        if any(count for _, count in rows):
            groups.append((heading, rows))
    return groups


def last_twelve_months(today=None):
    """(first, last) month of the twelve complete months before this one."""
    this_month = first_of_month(today or timezone.localdate())
    last = first_of_month(this_month - datetime.timedelta(days=1))
    first = this_month.replace(year=this_month.year - 1)
    return first, last


def headline_figures(library, today=None):
    """The library's totals over the last twelve complete months, or None without reports."""
    first, last = last_twelve_months(today)
    figures = MonthlyReport.objects.filter(
        library=library, month__gte=first, month__lte=last
    ).aggregate(
        reports=Count("pk"),
        visitors_female=Sum("visitors_female"),
        visitors_male=Sum("visitors_male"),
        loans=Sum("loans"),
        new_members=Sum("new_members"),
        computer_users=Sum("computer_users"),
        internet_users=Sum("internet_users"),
    )
    if not figures["reports"]:
        return None
    figures["visitors"] = figures["visitors_female"] + figures["visitors_male"]
    figures["women_percent"] = (
        round(100 * figures["visitors_female"] / figures["visitors"]) if figures["visitors"] else 0
    )
    this_month = first.replace(year=first.year + 1)
    figures["activities"] = (
        Activity.objects.published()
        .filter(library=library, starts_on__gte=first, starts_on__lt=this_month)
        .count()
    )
    figures["first"], figures["last"] = first, last
    return figures


def child_regions_with_activities(region=None):
    """The regions one level below `region` (provinces when None) that hold published
    activities, each with `activity_count`."""
    level = region.level + 1 if region else Level.PROVINCE
    if level > Level.VILLAGE:
        return []
    activities = Activity.objects.published()
    if region:
        activities = activities.filter(library__region__code__inside=region.code)
    counts = dict(
        activities.annotate(child=Substr("library__region_id", 1, CODE_LENGTH[level]))
        .values_list("child")
        .annotate(n=Count("pk"))
        .order_by()
    )
    children = list(Region.objects.filter(code__in=counts, level=level).order_by("name"))
    for child in children:
        child.activity_count = counts[child.code]
    return children


def libraries_with_activities(code=None, limit=50):
    """Libraries under `code` (all when None), those with the most published activities first."""
    libraries = Library.objects.select_related("region")
    if code:
        libraries = libraries.filter(region__code__inside=code)
    published = Q(activities__status=ActivityStatus.PUBLISHED)
    return libraries.annotate(activity_count=Count("activities", filter=published)).order_by(
        "-activity_count", "name", "pk"
    )[:limit]
