from django.http import JsonResponse
from django.shortcuts import render

from .models import Level, Region


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
