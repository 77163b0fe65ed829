from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from inklusi.accounts.scope import Scope
from inklusi.core.exports import FORMATS, table_response

from .exports import library_rows
from .forms import AssistanceFormSet, LibraryFilterForm, LibraryForm
from .models import Library


def visible_libraries(request, for_edit=False):
    scope = Scope.of(request.user)
    return scope.filter(
        Library.objects.select_related("region"), library_path="pk", for_edit=for_edit
    )


@login_required
def library_list(request):
    filters = LibraryFilterForm(request.GET)
    libraries = filters.apply(visible_libraries(request))
    page = Paginator(libraries.order_by("name", "pk"), 25).get_page(request.GET.get("page"))
    return render(
        request,
        "libraries/list.html",
        {"filters": filters, "page": page, "count": page.paginator.count},
    )


@login_required
def library_export(request, fmt):
    if fmt not in FORMATS:
        raise Http404
    libraries = LibraryFilterForm(request.GET).apply(visible_libraries(request))
    headers, rows = library_rows(libraries)
    return table_response(fmt, "perpustakaan", headers, rows, sheet_title=_("Libraries"))


@login_required
def library_detail(request, pk):
    library = Scope.of(request.user).get_or_404(
        Library.objects.select_related("region__parent__parent__parent"), library_path="pk", pk=pk
    )
    can_edit = Scope.of(request.user).edit.covers_library(library)
    return render(
        request,
        "libraries/detail.html",
        {
            "library": library,
            "ancestors": library.region.ancestors(),
            "assistance": library.assistance.all(),
            "can_edit": can_edit,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def library_create(request):
    scope = Scope.of(request.user)
    if not scope.can_create_libraries:
        raise PermissionDenied
    form = LibraryForm(request.POST or None, request.FILES or None, scope=scope)
    if request.method == "POST" and form.is_valid():
        library = form.save()
        messages.success(request, _("Library “%(name)s” was added.") % {"name": library.name})
        return redirect(library)
    return render(request, "libraries/form.html", {"form": form, "formset": None})


@login_required
@require_http_methods(["GET", "POST"])
def library_edit(request, pk):
    scope = Scope.of(request.user)
    library = scope.get_or_404(
        Library.objects.select_related("region"), library_path="pk", for_edit=True, pk=pk
    )
    form = LibraryForm(request.POST or None, request.FILES or None, instance=library, scope=scope)
    formset = AssistanceFormSet(request.POST or None, instance=library, prefix="assistance")
    if request.method == "POST":
        if form.is_valid() and formset.is_valid():
            with transaction.atomic():
                form.save()
                formset.save()
            messages.success(request, _("The library profile was saved."))
            return redirect(library)
        messages.error(request, _("Some fields need attention; nothing was saved yet."))
    return render(
        request, "libraries/form.html", {"form": form, "formset": formset, "library": library}
    )
