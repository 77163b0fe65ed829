from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count
from django.db.models.functions import Substr
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, render

from inklusi.accounts.scope import Scope
from inklusi.libraries.models import Library

from .models import CODE_LENGTH, Level, Region


@login_required
def index(request):
    own = Region.objects.filter(code__in=Scope.of(request.user).held_region_codes())
    return render(
        request,
        "regions/index.html",
        {"provinces": Region.objects.filter(level=1), "own_regions": own},
    )


@login_required
def detail(request, code):
    """A region, its children with the number of libraries each holds, and its libraries."""
    region = get_object_or_404(Region, code=code)
    scope = Scope.of(request.user)
    libraries = (
        Library.objects.visible_to(scope).filter(region__code__inside=code).select_related("region")
    )
    children = list(region.children.all())
    if children:
        counts = dict(
            libraries.annotate(child=Substr("region_id", 1, CODE_LENGTH[region.level + 1]))
            .values_list("child")
            .annotate(n=Count("pk"))
            .order_by()
        )
        for child in children:
            child.library_count = counts.get(child.code, 0)
    page = Paginator(libraries.order_by("name"), 25).get_page(request.GET.get("page"))
    return render(
        request,
        "regions/detail.html",
        {
            "region": region,
            "ancestors": region.ancestors(),
            "children": children,
            "page": page,
            "can_brief": scope.sees_region(region.code),
        },
    )


def search(request):
    """Type-ahead for picking a region by name: an HTML list for htmx, JSON when asked."""
    text = request.GET.get("q", "").strip()[:60]
    levels = [int(v) for v in request.GET.getlist("level") if v in {"1", "2", "3", "4"}]
    levels = levels or [Level.VILLAGE]
    results = Region.objects.matching(text, levels=levels) if len(text) >= 2 else []
    if request.GET.get("format") == "json":
        return JsonResponse(
            {"results": [{"code": r.code, "name": r.name, "context": r.context} for r in results]}
        )
    return render(
        request,
        "regions/_search_results.html",
        {"results": results, "q": text, "link": bool(request.GET.get("link"))},
    )
