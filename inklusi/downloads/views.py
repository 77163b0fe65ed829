from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST, require_safe

from . import builders, services
from .models import Download, State


def own_download(request, pk):
    return get_object_or_404(Download.objects.filter(user=request.user), pk=pk)


@login_required
@require_POST
def create(request):
    try:
        download = services.request_download(
            request.user,
            request.POST.get("kind", ""),
            request.POST.get("place", ""),
            request.POST.get("query", ""),
        )
    except ValueError as error:
        messages.error(request, str(error))
        return redirect(request.POST.get("back") if _local(request.POST.get("back")) else "/")
    return redirect("downloads:detail", download.pk)


def _local(url):
    return bool(url) and url.startswith("/") and not url.startswith("//")


@login_required
@require_safe
def detail(request, pk):
    download = own_download(request, pk)
    polled = request.headers.get("HX-Request") == "true"
    template = "downloads/_state.html" if polled else "downloads/detail.html"
    return render(request, template, {"download": download, "label": builders.label(download.kind)})


@login_required
@require_safe
def fetch(request, pk):
    """The file, to its owner only, while their scope still covers the place."""
    download = own_download(request, pk)
    if download.state != State.DONE or not download.path:
        raise Http404
    builders.place_for(request.user, download.place)
    path = services.file_path(download)
    if not path.exists():
        raise Http404
    return FileResponse(open(path, "rb"), as_attachment=True, filename=download.file_name)
