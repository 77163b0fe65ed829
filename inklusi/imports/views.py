from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from inklusi.accounts.scope import Scope
from inklusi.core.exports import XLSX_TYPE

from . import services
from .forms import UploadForm
from .kinds import KINDS, allowed_kinds
from .models import ImportJob


def own_job(request, pk):
    Scope.requiring(request.user, "can_edit")
    return get_object_or_404(ImportJob.objects.filter(user=request.user).defer("content"), pk=pk)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def index(request):
    scope = Scope.requiring(request.user, "can_edit")
    kinds = allowed_kinds(scope)
    form = UploadForm(request.POST or None, request.FILES or None, kinds=kinds)
    if request.method == "POST" and form.is_valid():
        try:
            job = services.upload(
                request.user, form.cleaned_data["kind"], form.cleaned_data["file"]
            )
        except ValueError as error:
            form.add_error("file", str(error))
        else:
            return redirect("imports:detail", job.pk)
    jobs = ImportJob.objects.filter(user=request.user).defer("content")[:10]
    return render(
        request,
        "imports/index.html",
        {"form": form, "kinds": kinds, "jobs": jobs, "labels": _labels()},
        status=400 if form.errors else 200,
    )


def _labels():
    return {key: kind.label for key, kind in KINDS.items()}


@login_required
@require_safe
def template(request, kind):
    Scope.requiring(request.user, "can_edit")
    found = services.kind_for(request.user, kind)
    if found is None:
        raise Http404
    response = HttpResponse(services.template(found), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="templat-{found.key}.xlsx"'
    return response


@login_required
@require_safe
def detail(request, pk):
    job = own_job(request, pk)
    polled = request.headers.get("HX-Request") == "true"
    template_name = "imports/_state.html" if polled else "imports/detail.html"
    return render(request, template_name, {"job": job, "label": KINDS[job.kind].label})


@login_required
@require_POST
def start(request, pk):
    job = own_job(request, pk)
    try:
        services.start(job, request.POST.get("mode", ""))
    except ValueError as error:
        messages.error(request, str(error))
    return redirect("imports:detail", job.pk)
