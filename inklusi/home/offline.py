"""The installable app: its manifest, the service worker (served from the site's root so its
scope is the whole site) and the outbox page, which the phone fills from IndexedDB (the
records themselves never reach the server until they are sent). See docs/architecture.md,
"Offline"."""

from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

# Pages a manager needs with no network: the service worker keeps a copy of each once the
# user has opened the app online.
OFFLINE_PAGES = (
    "home:home",
    "activities:create",
    "reports:create",
    "activities:list",
    "reports:list",
    "home:outbox",
)
OFFLINE_STATIC = (
    "css/app.css",
    "js/app.js",
    "js/offline.js",
    "vendor/htmx/htmx.min.js",
    "vendor/idb-keyval/umd.js",
    "favicon.svg",
    "img/icon-192.png",
)


@require_safe
@cache_control(no_cache=True)
def service_worker(request):
    """The service worker, naming the (hashed, in production) static files it keeps."""
    return render(
        request,
        "home/sw.js",
        {
            "static_files": [static(path) for path in OFFLINE_STATIC],
            "pages": [reverse(name) for name in OFFLINE_PAGES],
            "fallback": reverse("home:outbox"),
        },
        content_type="text/javascript",
    )


@require_safe
def manifest(request):
    return JsonResponse(
        {
            "name": "Inklusi",
            "short_name": "Inklusi",
            "description": _("Village library activities and reports, also with no signal."),
            "start_url": reverse("home:home"),
            "scope": "/",
            "display": "standalone",
            "background_color": "#f5f7f9",
            "theme_color": "#0b6e4f",
            "icons": [
                {"src": static(f"img/icon-{n}.png"), "sizes": f"{n}x{n}", "type": "image/png"}
                for n in (192, 512)
            ],
        },
        content_type="application/manifest+json",
    )


@login_required
@require_safe
def outbox(request):
    return render(request, "home/outbox.html")
