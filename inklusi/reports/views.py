from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_safe

from inklusi.accounts.scope import Scope
from inklusi.core.exports import FORMATS, list_export_view, table_response
from inklusi.core.months import first_of_month, month_label, next_month, previous_month
from inklusi.core.offline import Conflict, conflict_response, existing_for_key
from inklusi.libraries.models import Library

from . import services
from .exports import compliance_rows, report_rows
from .forms import ComplianceForm, MonthField, ReportFilterForm, ReportForm
from .models import DUPLICATE, MonthlyReport, due_date, is_open
from .queries import (
    compliance_counts,
    reporting_libraries,
    reports_to_file,
    with_activity_count,
    with_states,
)


def visible_reports(request):
    return MonthlyReport.objects.visible_to(Scope.of(request.user)).select_related(
        "library__region"
    )


@login_required
@require_safe
def report_list(request):
    scope = Scope.of(request.user)
    filters = ReportFilterForm(request.GET)
    reports = with_activity_count(filters.apply(visible_reports(request)))
    page = Paginator(reports.order_by("-month", "library__name", "pk"), 25).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "reports/list.html",
        {
            "filters": filters,
            "page": page,
            "count": page.paginator.count,
            "to_file": reports_to_file(scope),
            "can_file": scope.can_edit,
            "show_filters": scope.is_regional or bool(request.GET),
        },
    )


report_export = list_export_view(
    visible_reports,
    ReportFilterForm,
    report_rows,
    "laporan-bulanan",
    gettext_lazy("Monthly reports"),
)


@login_required
@require_safe
def report_detail(request, pk):
    scope = Scope.of(request.user)
    reports = MonthlyReport.objects.select_related("library__region", "submitted_by", "updated_by")
    report = reports.get_for(scope, pk)
    return render(
        request,
        "reports/detail.html",
        {
            "report": report,
            "activity_count": report.activity_count(),
            "can_edit": scope.edits_library(report.library),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def report_create(request):
    scope = Scope.requiring(request.user, "can_edit")
    libraries = Library.objects.editable_by(scope).select_related("region")
    if request.method == "POST":
        made = existing_for_key(MonthlyReport, request, "submitted_by")
        if made:  # sent again after a lost answer: the report filed the first time
            return redirect(made)
        form = ReportForm(request.POST, libraries=libraries)
        library, month = _posted_library_and_month(form)
    else:
        library = _library_from(request.GET.get("library"), libraries)
        month = _month_from(request.GET.get("month"), library)
        existing = library and MonthlyReport.objects.filter(library=library, month=month).first()
        if existing:
            messages.info(
                request,
                _("The report for %(month)s was already filed; you can change it here.")
                % {"month": month_label(month)},
            )
            return redirect("reports:edit", existing.pk)
        form = ReportForm(initial={"library": library, "month": month}, libraries=libraries)
    response = _handle(request, form)
    if response:
        return response
    return render(
        request,
        "reports/form.html",
        {
            **_form_context(form, library, month),
            "can_pick_library": scope.single_library_id is None,
            "existing": _existing_if_duplicate(form, library, month),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def report_edit(request, pk):
    reports = MonthlyReport.objects.select_related("library__region")
    report = reports.get_for(Scope.of(request.user), pk, for_edit=True)
    form = ReportForm(request.POST if request.method == "POST" else None, instance=report)
    response = _handle(request, form)
    if response:
        return response
    return render(
        request,
        "reports/form.html",
        {**_form_context(form, report.library, report.month), "report": report},
    )


def _handle(request, form):
    """Save a valid form whose unusual figures are confirmed; a redirect, or None to re-show."""
    if not form.is_bound:
        return None
    if not form.is_valid():
        messages.error(request, _("Some fields need attention; nothing was saved yet."))
        return None
    if form.needs_confirmation():
        return None
    report = form.instance
    new = report.pk is None
    try:
        if new:
            form.apply_client_key()
            services.file_report(report, request.user)
        else:
            services.update_report(
                report, request.user, seen_version=form.cleaned_data["seen_version"]
            )
    except Conflict as conflict:
        return conflict_response(request, form, conflict.stored, request.path)
    except ValidationError as error:
        form.add_error(None, error)
        messages.error(request, _("Some fields need attention; nothing was saved yet."))
        return None
    if new:
        sent = _("The report for %(month)s was sent.")
    else:
        sent = _("The changes to the report for %(month)s were sent.")
    messages.success(request, sent % {"month": month_label(report.month)})
    return redirect(report)


def _form_context(form, library, month):
    return {
        "form": form,
        "library": library,
        "month": month,
        "warnings": form.unusual_figures if form.is_bound and form.is_valid() else [],
        "activity_count": MonthlyReport(library=library, month=month).activity_count()
        if library and month
        else None,
    }


def _library_from(value, libraries):
    """The library named in the address (404 outside the user's editing scope), or the only
    library the user files for."""
    if value:
        if not value.isdigit():
            raise Http404
        found = libraries.filter(pk=value).first()
        if found is None:
            raise Http404
        return found
    only = list(libraries[:2])
    return only[0] if len(only) == 1 else None


def _month_from(value, library):
    """The month in the address (one open for filing); else last month, or this month once
    last month is filed and this month is open."""
    try:
        month = MonthField(required=False).clean(value)
    except ValidationError:
        month = None
    if month and is_open(month):
        return month
    month = previous_month()
    this_month = first_of_month(timezone.localdate())
    filed = library and MonthlyReport.objects.filter(library=library, month=month).exists()
    return this_month if filed and is_open(this_month) else month


def _posted_library_and_month(form):
    form.is_valid()
    data = getattr(form, "cleaned_data", {})
    return data.get("library"), data.get("month")


def _existing_if_duplicate(form, library, month):
    if library and month and DUPLICATE in form.non_field_errors():
        return MonthlyReport.objects.filter(library=library, month=month).first()
    return None


@login_required
@require_safe
def compliance(request):
    scope = Scope.of(request.user)
    form = ComplianceForm(request.GET, scope=scope)
    libraries = _compliance_libraries(scope, form)
    shown = libraries.filter(report_id__isnull=True) if form.only_missing else libraries
    page = Paginator(
        shown.select_related("region").order_by("region_id", "name", "pk"), 50
    ).get_page(request.GET.get("page"))
    month = form.chosen_month
    return render(
        request,
        "reports/compliance.html",
        {
            "form": form,
            "month": month,
            "counts": compliance_counts(libraries, month),
            "page": page,
            "rows": with_states(page.object_list, month, scope),
            "due": due_date(month),
            "earlier": previous_month(month),
            "later": next_month(month) if month < previous_month() else None,
        },
    )


@login_required
@require_safe
def compliance_export(request, fmt):
    if fmt not in FORMATS:
        raise Http404
    scope = Scope.of(request.user)
    form = ComplianceForm(request.GET, scope=scope)
    libraries = _compliance_libraries(scope, form)
    if form.only_missing:
        libraries = libraries.filter(report_id__isnull=True)
    headers, rows = compliance_rows(libraries, form.chosen_month)
    filename = f"kepatuhan-laporan-{form.chosen_month:%Y-%m}"
    return table_response(fmt, filename, headers, rows, sheet_title=_("Reporting"))


def _compliance_libraries(scope, form):
    libraries = Library.objects.visible_to(scope)
    if form.chosen_region:
        libraries = libraries.filter(region__code__inside=form.chosen_region.code)
    return reporting_libraries(libraries, form.chosen_month)
