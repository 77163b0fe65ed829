"""What the public pages may show: published activities with consented photos, and figures.

Everything a visitor sees goes through these functions, so nothing unpublished, unconsented
or personal can slip onto a public page by a forgotten filter.
"""

import re

from django.db.models import Prefetch
from django.utils.formats import date_format
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from inklusi.activities.models import (
    AGE_FIELDS,
    GENDER_FIELDS,
    INCLUSION_FIELDS,
    Activity,
    ActivityPhoto,
)
from inklusi.core.templatetags.inklusi import angka
from inklusi.libraries.models import Library
from inklusi.monitoring.figures import (
    activities_by_child,
    last_twelve_months,
    place_figures,
    with_activity_counts,
)
from inklusi.monitoring.indicators import Place
from inklusi.regions.models import Level, Region
from inklusi.stories.models import Level as StoryLevel
from inklusi.stories.models import Story
from inklusi.surveys import results as survey_results

SUMMARY_LENGTH = 200
# The sums a library's public page shows.
PUBLIC_FIGURES = (
    "reports",
    "visitors",
    "visitors_women_share",
    "loans",
    "new_members",
    "activities",
    "computer_users",
    "internet_users",
)
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


def public_stories(level=StoryLevel.REGENCY):
    """Stories chosen at `level` or above, newest quarter first. Only their public fields
    are shown (`stories/_text.html`), never the private name; the photo only when
    `story.has_consented_photo`."""
    return Story.objects.chosen(level).select_related("library__region").order_by("-quarter", "-pk")


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


def headline_figures(library, today=None):
    """The library's PUBLIC_FIGURES over the last twelve complete months, as the dashboard
    counts them, or None when it has nothing to show (a candidate's reports are not expected,
    yet its visitors and loans count, as on the dashboard)."""
    months = last_twelve_months(today)
    figures = place_figures(Place(library=library), months)
    if not any(figures[name] for name in PUBLIC_FIGURES):
        return None
    return {
        **{name: figures[name] for name in PUBLIC_FIGURES},
        "first": months[0],
        "last": months[-1],
    }


def place_summary(region=None, today=None):
    """What the libraries of `region` (the whole country when None) did over the last twelve
    complete months, counted as the dashboard counts it (`place_figures`): how many
    libraries, activities, participants and visits. Sums only, nothing about a person."""
    place = Place(region=region)
    months = last_twelve_months(today)
    figures = place_figures(place, months)
    return {
        "where": region.label if region else _("Indonesia"),
        "libraries": place.libraries().count(),
        "activities": figures["activities"],
        "participants": figures["participants"],
        "visitors": figures["visitors"],
        "first": months[0],
        "last": months[-1],
    }


def summary_sentence(summary):
    """`place_summary` in one sentence, for the page and its link preview."""
    period = {
        "first": date_format(summary["first"], "F Y"),
        "last": date_format(summary["last"], "F Y"),
        "where": summary["where"],
    }
    if not summary["activities"] and not summary["visitors"]:
        return (
            _("From %(first)s to %(last)s, the libraries in %(where)s recorded no activity yet.")
            % period
        )
    libraries = ngettext(
        "%(libraries)s library in %(where)s",
        "%(libraries)s libraries in %(where)s",
        summary["libraries"],
    ) % {"libraries": angka(summary["libraries"]), "where": summary["where"]}
    held = ngettext(
        "held %(activities)s community activity for %(participants)s people",
        "held %(activities)s community activities for %(participants)s people",
        summary["activities"],
    ) % {
        "activities": angka(summary["activities"]),
        "participants": angka(summary["participants"]),
    }
    return _(
        "From %(first)s to %(last)s, %(libraries)s %(held)s and welcomed %(visits)s visits."
    ) % {
        **period,
        "libraries": libraries,
        "held": held,
        "visits": angka(summary["visitors"]),
    }


def library_description(library, figures):
    """A library's link preview text when it has no description of its own."""
    where = library.region.label_with_context
    if not figures:
        return _("%(library)s in %(where)s: its community activities on Inklusi.") % {
            "library": library.name,
            "where": where,
        }
    return ngettext(
        "%(library)s in %(where)s: %(visitors)s visits and %(activities)s community activity "
        "in the last twelve months.",
        "%(library)s in %(where)s: %(visitors)s visits and %(activities)s community "
        "activities in the last twelve months.",
        figures["activities"],
    ) % {
        "library": library.name,
        "where": where,
        "visitors": angka(figures["visitors"]),
        "activities": angka(figures["activities"]),
    }


def child_regions_with_activities(region=None):
    """The regions one level below `region` (provinces when None) that hold published
    activities, each with `activity_count`."""
    counts = activities_by_child(Place(region=region))
    level = region.level + 1 if region else Level.PROVINCE
    children = list(Region.objects.filter(code__in=counts, level=level).order_by("name"))
    for child in children:
        child.activity_count = counts[child.code]
    return children


def libraries_with_activities(code=None, limit=50):
    """Libraries under `code` (all when None), those with the most published activities first."""
    libraries = Library.objects.select_related("region")
    if code:
        libraries = libraries.filter(region__code__inside=code)
    return with_activity_counts(libraries).order_by("-activity_count", "name", "pk")[:limit]


def public_outcomes(region=None, library=None, today=None):
    """What participants said in the outcome surveys of the last twelve months: aggregates
    only, and only when at least `PUBLIC_MINIMUM` people answered (else None); never a quote,
    a name or a contact."""
    months = last_twelve_months(today)
    code = region.code if region else ""
    outcomes = survey_results.for_place(code, library, months[0], months[-1])
    return outcomes if outcomes.is_public else None
