"""The monitoring dashboard: one page per place (nation, region, library), its exports, and a
start page that sends each user to the places they cover."""

from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_safe

from inklusi.accounts.scope import Scope
from inklusi.core import next_steps
from inklusi.core.numbers import NumberStyle
from inklusi.libraries.models import Library, Status
from inklusi.questions.figures import assistance
from inklusi.regions.models import Level, Region
from inklusi.surveys import results as survey_results

from . import exports, page
from .indicators import TABLE_KEYS, Place, cards, dashboard, own_library_view
from .periods import KINDS, PeriodError, default_period, parse_period

EXPORT_FORMATS = ("xlsx", "pdf")


@login_required
@require_safe
def index(request):
    """Straight to the user's place when there is one; a list to choose from otherwise."""
    scope = Scope.of(request.user)
    if scope.is_national:
        return redirect("monitoring:nation")
    regions = list(Region.objects.filter(code__in=scope.held_region_codes()).order_by("code"))
    libraries = list(
        Library.objects.filter(pk__in=scope.held_library_ids())
        .select_related("region")
        .order_by("name")
    )
    if len(regions) + len(libraries) == 0:
        raise PermissionDenied
    if len(regions) + len(libraries) == 1:
        if regions:
            return redirect("monitoring:region", regions[0].code)
        return redirect("monitoring:library", libraries[0].pk)
    return render(request, "monitoring/index.html", {"regions": regions, "libraries": libraries})


def _nation_place(request):
    if not Scope.of(request.user).is_national:
        raise Http404
    return Place()


def _region_place(request, code):
    region = Region.objects.select_related("parent__parent__parent").filter(code=code).first()
    if region is None or not Scope.of(request.user).sees_region(code):
        raise Http404
    return Place(region=region)


def _library_place(request, pk):
    libraries = Library.objects.select_related("region__parent__parent__parent")
    library = libraries.get_for(Scope.of(request.user), pk)
    return Place(library=library)


def _period(request):
    """(period, error message or "")."""
    try:
        return parse_period(request.GET), ""
    except PeriodError as error:
        return default_period(), str(error)


def background_xlsx(place, query):
    """The workbook of the nation or a province takes long to write: it is prepared in the
    background (inklusi.downloads) from these fields; other places' download at once."""
    if place.library or (place.region and place.region.level != Level.PROVINCE):
        return None
    key = f"region:{place.region.code}" if place.region else "nation"
    return {"kind": "dashboard_xlsx", "place": key, "query": query}


def place_url(place, name="", **kwargs):
    """The dashboard (or export, with `name` "_export") address of a place."""
    if place.library:
        return reverse(f"monitoring:library{name}", kwargs={"pk": place.library.pk, **kwargs})
    if place.region:
        return reverse(f"monitoring:region{name}", kwargs={"code": place.region.code, **kwargs})
    return reverse(f"monitoring:nation{name}", kwargs=kwargs)


def breadcrumb(request, place):
    """(label, url or None) from the nation down to the place; links only where the user
    may look. The nation's own page has none (it would read "Indonesia › Indonesia")."""
    scope = Scope.of(request.user)
    crumbs = []
    if scope.is_national and (place.library or place.region):
        crumbs.append((Place().name, place_url(Place())))
    regions = []
    if place.library:
        regions = [*place.library.region.ancestors(), place.library.region]
    elif place.region:
        regions = place.region.ancestors()
    for region in regions:
        if scope.sees_region(region.code):
            crumbs.append((region.label, place_url(Place(region=region))))
    return crumbs


SORT_KEYS = ("name", *TABLE_KEYS)


def _sorted_rows(rows, sort):
    key, descending = sort.lstrip("-"), sort.startswith("-")
    if key not in SORT_KEYS:
        key, descending = "name", False
    if key == "name":
        return sorted(rows, key=lambda row: row.name.lower(), reverse=descending), key, descending
    present = [row for row in rows if row.figures.get(key) is not None]
    missing = [row for row in rows if row.figures.get(key) is None]
    present.sort(key=lambda row: row.figures[key], reverse=descending)
    return present + missing, key, descending


# The library search shows this many libraries; a longer word narrows it.
SEARCH_LIMIT = 20


def _library_search(request, place):
    """(what was typed, the first libraries matching it): only libraries inside the place
    that the user may see."""
    text = request.GET.get("cari", "").strip()
    if not text or place.library:
        return text, []
    libraries = Library.objects.visible_to(Scope.of(request.user))
    if place.region:
        libraries = libraries.filter(region__code__inside=place.region.code)
    found = libraries.search(text).select_related("region__parent__parent").order_by("name")
    return text, list(found[: SEARCH_LIMIT + 1])


def _show(request, place):
    period, error = _period(request)
    query = urlencode(period.query())
    searched, found = _library_search(request, place)
    search = {"text": searched, "found": found[:SEARCH_LIMIT], "more": len(found) > SEARCH_LIMIT}
    for library in search["found"]:
        library.dashboard_url = f"{place_url(Place(library=library))}?{query}"
    if "cari" in request.GET and request.headers.get("HX-Request"):
        # The type-ahead asks for the results alone (none once the box is emptied).
        return render(request, "monitoring/_library_search.html", {"search": search})
    board = dashboard(place, period)
    if place.library:
        own_library_view(board)
    sort = request.GET.get("sort", "")
    rows, sort_key, descending = _sorted_rows(board.rows, sort or "name")
    links, numbers = page.Links(query), NumberStyle.active()
    following = period.following()
    # The range form shows what was typed, even when it could not be used.
    typed_range = {
        "from": request.GET.get("from") or f"{period.first:%Y-%m}",
        "to": request.GET.get("to") or f"{period.last:%Y-%m}",
    }
    context = {
        "typed_range": typed_range,
        "board": board,
        "place": place,
        "period": period,
        "period_error": error,
        "kinds": KINDS,
        "query": query,
        "previous_query": urlencode(board.previous.query()),
        "following_query": urlencode(following.query()) if following else "",
        "crumbs": breadcrumb(request, place),
        "stats": page.indicator_stats(board, numbers),
        "table_columns": page.table_columns(),
        "table_rows": page.table_rows(rows, links, numbers),
        "table_open": bool(sort),
        "cards": page.card_items(cards(board), links, numbers) if board.rows else [],
        "search": search,
        "period_fields": period.query(),
        "sort_key": sort_key,
        "descending": descending,
        "export_urls": {
            fmt: f"{place_url(place, '_export', fmt=fmt)}?{query}" for fmt in EXPORT_FORMATS
        },
        "background_xlsx": background_xlsx(place, query),
        "charts": board.charts(),
        "statuses": [
            (status, label, board.figures["by_status"].get(status, 0))
            for status, label in Status.choices
        ],
        "map_points": [{**point, "url": links.point(point)} for point in board.map_points],
        "calls": page.attention_items(board.attention, numbers) if not place.library else {},
        "assistance": assistance(place.code, place.library, period.first, period.last),
        "outcomes": _outcomes(place, period, links, numbers),
        **_library_context(request, place),
    }
    return render(request, "monitoring/dashboard.html", context)


def _outcomes(place, period, links, numbers):
    """The outcome surveys of the place and, one level down, of each region that has answers
    (the drill-down)."""
    first, last = period.first, period.last
    rows = []
    if not place.library:
        children = survey_results.child_outcomes(place.code, first, last)
        for region in Region.objects.filter(code__in=children).order_by("name"):
            outcomes = children[region.code]
            rows.append(
                {
                    "region": region,
                    "url": links.region(region.code),
                    "cells": page.outcome_cells(outcomes, numbers),
                }
            )
    return {
        "place": survey_results.for_place(place.code, place.library, first, last),
        "rows": rows,
        "quotes": survey_results.quotes_for_place(place.code, place.library, first, last),
    }


def _library_context(request, place):
    """A library's page shows its people's next steps instead of "who needs a call" (which
    would name the library to itself); a coordinator also gets its WhatsApp."""
    if not place.library:
        return {}
    scope = Scope.of(request.user)
    contact = scope.can_review(place.library)
    return {
        "next_steps": next_steps.for_library(place.library, scope),
        "contact_library": contact,
        "contact_whatsapp": page.whatsapp_href(place.library) if contact else "",
    }


def _export(request, place, fmt):
    if fmt not in EXPORT_FORMATS:
        raise Http404
    period, error = _period(request)
    if error:
        # An export of another period than the one asked for would mislead: say so instead.
        context = {"error": error, "back": place_url(place)}
        return render(request, "monitoring/period_error.html", context, status=400)
    board = dashboard(place, period)
    if fmt == "xlsx":
        return exports.xlsx_response(board)
    return exports.pdf_response(board, request)


@login_required
@require_safe
def nation(request):
    return _show(request, _nation_place(request))


@login_required
@require_safe
def region(request, code):
    return _show(request, _region_place(request, code))


@login_required
@require_safe
def library(request, pk):
    return _show(request, _library_place(request, pk))


@login_required
@require_safe
def nation_export(request, fmt):
    return _export(request, _nation_place(request), fmt)


@login_required
@require_safe
def region_export(request, code, fmt):
    return _export(request, _region_place(request, code), fmt)


@login_required
@require_safe
def library_export(request, pk, fmt):
    return _export(request, _library_place(request, pk), fmt)
