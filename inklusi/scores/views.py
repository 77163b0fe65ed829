"""The KPI cards: a place's colours (nation or region, with the regions below and the
libraries that moved colour), one library's card with its explanation, and the regency's
literacy-index (IPLM) workbook."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe

from inklusi.accounts.scope import Scope
from inklusi.libraries.models import Library
from inklusi.regions.models import Level, Region

from . import iplm, quarters, rules, services
from .models import LibraryScore

# A place with at most this many cards lists them all.
LIBRARY_LIST_LIMIT = 60


def _quarter(request):
    """The quarter asked for (?triwulan=2026-Q2), else the last complete one."""
    return quarters.parse(request.GET.get("triwulan", "")) or quarters.last_complete()


def _quarter_links(quarter):
    following = quarters.next_complete(quarter)
    return {
        "quarter": quarter,
        "quarter_label": quarters.label(quarter),
        "quarter_text": quarters.text(quarter),
        "previous_quarter": quarters.text(quarters.previous(quarter)),
        "following_quarter": quarters.text(following) if following else "",
    }


@login_required
@require_safe
def index(request):
    """Straight to the user's place: the nation, their region, or their library's card."""
    scope = Scope.of(request.user)
    if scope.is_national:
        return redirect("scores:nation")
    regions = sorted(scope.held_region_codes())
    if regions:
        return redirect("scores:region", regions[0])
    libraries = sorted(scope.held_library_ids())
    if libraries:
        return redirect("scores:library", libraries[0])
    raise PermissionDenied


def _place(request, scope, region):
    quarter = _quarter(request)
    code = region.code if region else ""
    cards = services.cards_in(scope, quarter, code)
    counts = services.colour_counts(cards)
    up, down = services.moved(cards, quarter)
    listed = []
    if counts["total"] <= LIBRARY_LIST_LIMIT:
        listed = cards.select_related("library__region").defer("facts").order_by("-total")
    context = {
        "region": region,
        "name": region.label if region else Region._meta.verbose_name,
        "counts": counts,
        "rows": services.distribution(cards, region),
        "went_up": up,
        "went_down": down,
        "cards": listed,
        "crumbs": [r for r in (region.ancestors() if region else []) if scope.sees_region(r.code)],
        "iplm": region is not None and region.level == Level.REGENCY,
        "rules": rules,
        **_quarter_links(quarter),
    }
    return render(request, "scores/place.html", context)


@login_required
@require_safe
def nation(request):
    scope = Scope.of(request.user)
    if not scope.is_national:
        raise Http404
    return _place(request, scope, None)


@login_required
@require_safe
def region(request, code):
    scope = Scope.of(request.user)
    place = Region.objects.filter(code=code).first()
    if place is None or not scope.sees_region(code):
        raise Http404
    return _place(request, scope, place)


@login_required
@require_safe
def library(request, pk):
    scope = Scope.of(request.user)
    library = Library.objects.select_related("region").get_for(scope, pk)
    quarter = _quarter(request)
    card = LibraryScore.objects.filter(library=library, quarter=quarter).first()
    before = LibraryScore.objects.filter(library=library, quarter=quarters.previous(quarter))
    context = {
        "library": library,
        "card": card,
        "explained": services.score(card.facts) if card else None,
        "before": before.defer("facts").first(),
        "editor": scope.edits_library(library),
        "rules": rules,
        **_quarter_links(quarter),
    }
    return render(request, "scores/library.html", context)


@login_required
@require_safe
def iplm_workbook(request, code):
    """The regency's IPLM data collection (?tahun=2026, else the year of the last month)."""
    place = Region.objects.filter(code=code, level=Level.REGENCY).first()
    if place is None or not Scope.of(request.user).sees_region(code):
        raise Http404
    return iplm.workbook_response(place, iplm.year_asked(request.GET.get("tahun")))
