import copy

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import IntegrityError
from django.db.models import Count
from django.db.models.functions import Substr
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_safe

from inklusi.accounts.scope import Scope
from inklusi.core.exports import list_export_view
from inklusi.regions.models import CODE_LENGTH, Region

from . import services
from .exports import library_rows
from .forms import NPP_TAKEN, AssistanceFormSet, LibraryFilterForm, LibraryForm
from .models import Library


def visible_libraries(request):
    return Library.objects.visible_to(Scope.of(request.user)).select_related("region")


def library_from_address(request):
    """The library a "record/file/plan for this library" link names in `?library=`, if any:
    a library the user edits, else 404."""
    chosen = request.GET.get("library", "")
    if not chosen:
        return None
    if not chosen.isdigit():
        raise Http404
    return Library.objects.get_for(Scope.of(request.user), int(chosen), for_edit=True)


@login_required
@require_safe
def library_list(request):
    filters = LibraryFilterForm(request.GET)
    libraries = filters.apply(visible_libraries(request))
    page = Paginator(libraries.order_by("name", "pk"), 25).get_page(request.GET.get("page"))
    return render(
        request,
        "libraries/list.html",
        {
            "filters": filters,
            "page": page,
            "count": page.paginator.count,
            # A manager of one library needs no filters; anyone covering a region does.
            "show_filters": Scope.of(request.user).is_regional or filters.is_active,
        },
    )


library_export = list_export_view(
    visible_libraries, LibraryFilterForm, library_rows, "perpustakaan", gettext_lazy("Libraries")
)


@login_required
@require_safe
def library_search(request):
    """Type-ahead for picking a library the user can see (htmx fragment)."""
    text = request.GET.get("q", "").strip()[:60]
    results = []
    if len(text) >= 2:
        results = (
            visible_libraries(request)
            .select_related("region__parent__parent")  # the label names two levels up
            .search(text)
            .order_by("name")[:15]
        )
    return render(request, "libraries/_search_results.html", {"results": results, "q": text})


@login_required
@require_safe
def library_detail(request, pk):
    scope = Scope.of(request.user)
    library = Library.objects.select_related("region__parent__parent__parent").get_for(scope, pk)
    return render(
        request,
        "libraries/detail.html",
        {
            "library": library,
            "ancestors": library.region.ancestors(),
            "assistance": library.assistance.all(),
            "activities": library.activities.select_related("library")
            .annotate(photo_count=Count("photos"))
            .order_by("-starts_on", "-pk")[:5],
            "reports": library.monthly_reports.order_by("-month")[:6],
            "can_edit": scope.edits_library(library),
            "managers": library.managers(),
            "can_invite": scope.invites_in_region(library.region_id),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def library_create(request):
    scope = Scope.requiring(request.user, "can_create_libraries")
    posted = request.method == "POST"
    form = LibraryForm(
        request.POST if posted else None, request.FILES if posted else None, scope=scope
    )
    if posted:
        if form.is_valid() and _save(form):
            library = form.instance
            messages.success(request, _("Library “%(name)s” was added.") % {"name": library.name})
            return redirect(library)
        _say_nothing_saved(request, form)
    return render(request, "libraries/form.html", {"form": form, "formset": None})


@login_required
@require_http_methods(["GET", "POST"])
def library_edit(request, pk):
    scope = Scope.of(request.user)
    library = Library.objects.select_related("region").get_for(scope, pk, for_edit=True)
    posted = request.method == "POST"
    # The form fills its own copy, so the page still names the library as it is saved.
    form = LibraryForm(
        request.POST if posted else None,
        request.FILES if posted else None,
        instance=copy.copy(library),
        scope=scope,
    )
    formset = AssistanceFormSet(
        request.POST if posted else None, instance=library, prefix="assistance"
    )
    if posted:
        form_ok, formset_ok = form.is_valid(), formset.is_valid()  # both, to show every error
        if form_ok and formset_ok and _save(form, formset):
            messages.success(request, _("The library profile was saved."))
            return redirect(library)
        _say_nothing_saved(request, form)
    return render(
        request, "libraries/form.html", {"form": form, "formset": formset, "library": library}
    )


def _save(form, formset=None):
    """Save the library and its assistance together, or nothing; False if the database
    refused (two people giving the same NPP at the same moment)."""
    try:
        services.save_library(form.instance, assistance=formset)
    except IntegrityError:
        if form.instance.npp and (
            Library.objects.filter(npp=form.instance.npp).exclude(pk=form.instance.pk).exists()
        ):
            form.add_error("npp", NPP_TAKEN)
            return False
        raise
    return True


def _say_nothing_saved(request, form):
    text = _("Some fields need attention; nothing was saved yet.")
    if form.photo_was_chosen:
        text += " " + _("Please choose the photo again.")
    messages.error(request, text)


# The region pages (/wilayah/): a region, its children and the libraries registered in it.


@login_required
def region_index(request):
    own = Region.objects.filter(code__in=Scope.of(request.user).held_region_codes())
    return render(
        request,
        "regions/index.html",
        {"provinces": Region.objects.filter(level=1), "own_regions": own},
    )


@login_required
def region_detail(request, code):
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
