import copy
import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from inklusi.accounts.scope import Scope
from inklusi.core.exports import FORMATS, money, table_response
from inklusi.core.pdf import pdf_response
from inklusi.libraries.models import Library
from inklusi.regions.models import Region

from . import brief, overview_tables
from .forms import BriefForm, FollowUpForm, MeetingFilterForm, MeetingForm
from .models import AdvocacyMeeting

REGION_CODE = re.compile(r"^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$")


def get_meeting(request, pk):
    """A meeting of the user's log (`AdvocacyMeeting.objects.log_of`): 404 otherwise, for a
    read-only viewer too."""
    meetings = AdvocacyMeeting.objects.select_related("library__region", "region")
    return meetings.get_for(Scope.of(request.user), pk, for_edit=True)


@login_required
@require_safe
def meeting_list(request):
    scope = Scope.requiring(request.user, "can_edit")  # the log is not for read-only viewers
    filters = MeetingFilterForm(request.GET)
    meetings = filters.apply(AdvocacyMeeting.objects.log_of(scope))
    page = Paginator(
        meetings.select_related("library", "region").order_by("-met_on", "-pk"), 25
    ).get_page(request.GET.get("page"))
    return render(
        request,
        "advocacy/list.html",
        {
            "filters": filters,
            "page": page,
            "count": page.paginator.count,
            "today": timezone.localdate(),
        },
    )


@login_required
@require_safe
def meeting_detail(request, pk):
    meeting = get_meeting(request, pk)
    return _detail(request, meeting, FollowUpForm())


def _detail(request, meeting, follow_up_form):
    return render(
        request, "advocacy/detail.html", {"meeting": meeting, "follow_up_form": follow_up_form}
    )


@login_required
@require_http_methods(["GET", "POST"])
def meeting_create(request):
    scope = Scope.requiring(request.user, "can_edit")
    meeting = AdvocacyMeeting(created_by=request.user)
    return _meeting_form(request, meeting, scope)


@login_required
@require_http_methods(["GET", "POST"])
def meeting_edit(request, pk):
    meeting = get_meeting(request, pk)
    return _meeting_form(request, copy.copy(meeting), Scope.of(request.user), meeting)


def _meeting_form(request, instance, scope, meeting=None):
    posted = request.method == "POST"
    form = MeetingForm(request.POST if posted else None, instance=instance, scope=scope)
    if posted:
        if form.is_valid():
            saved = form.save()
            messages.success(request, _("The meeting was saved."))
            return redirect(saved)
        messages.error(request, _("Some fields need attention; nothing was saved yet."))
    return render(request, "advocacy/form.html", {"form": form, "meeting": meeting})


@login_required
@require_POST
def meeting_follow_up(request, pk):
    """Mark the follow-up done, saying what came of it."""
    meeting = get_meeting(request, pk)
    form = FollowUpForm(request.POST)
    if form.is_valid():
        try:
            meeting.mark_follow_up_done(form.cleaned_data["outcome"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The follow-up was marked done."))
            return redirect(meeting)
    return _detail(request, meeting, form)


def _library_for_brief(request, pk):
    return Library.objects.select_related("region").get_for(Scope.of(request.user), pk)


def _region_for_brief(request, code):
    if not REGION_CODE.match(code) or not Scope.of(request.user).sees_region(code):
        raise Http404
    return get_object_or_404(Region, code=code)


@login_required
@require_safe
def brief_library_form(request, pk):
    library = _library_for_brief(request, pk)
    return _brief_form(request, library.name, *brief.library_brief(library), library=library)


@login_required
@require_safe
def brief_region_form(request, code):
    region = _region_for_brief(request, code)
    return _brief_form(request, region.label, *brief.region_brief(region), region=region)


def _brief_form(request, title, figures_of, meetings, partners, **subject):
    form = BriefForm(initial={"ask": brief.default_ask(meetings)})
    return render(request, "advocacy/brief_form.html", {"form": form, "title": title, **subject})


@login_required
@require_http_methods(["GET", "POST"])
def brief_library(request, pk):
    library = _library_for_brief(request, pk)
    return _brief_pdf(
        request,
        library.name,
        library.region.full_name(),
        *brief.library_brief(library),
        library=library,
    )


@login_required
@require_http_methods(["GET", "POST"])
def brief_region(request, code):
    region = _region_for_brief(request, code)
    return _brief_pdf(
        request, region.label, region.full_name(), *brief.region_brief(region), region=region
    )


def _brief_pdf(request, title, place, figures_of, meetings, partners, **subject):
    data = request.POST if request.method == "POST" else request.GET
    if "ask" in data:
        form = BriefForm(data)
        if not form.is_valid():
            return render(
                request,
                "advocacy/brief_form.html",
                {"form": form, "title": title, **subject},
                status=400,
            )
        ask = form.cleaned_data["ask"]
    else:
        ask = brief.default_ask(meetings)
    context = brief.context(title, place, ask, figures_of, meetings, partners, **subject)
    with translation.override(brief.LANGUAGE):
        return pdf_response(brief.TEMPLATE, context, request, brief.filename(title))


@login_required
@require_safe
def overview(request):
    """What partnerships and advocacy won in the coordinator's area, in three tables."""
    scope = Scope.requiring(request.user, "is_regional")
    tables = []
    for name, title in overview_tables.TITLES.items():
        headers, rows = overview_tables.BUILDERS[name](scope)
        tables.append({"name": name, "title": title, "rows": _overview_rows(name, headers, rows)})
    return render(request, "advocacy/overview.html", {"tables": tables})


def _overview_rows(name, headers, rows):
    """Each row as a title (its text columns) and its figures (header, value, kind), which a
    phone shows stacked rather than as a wide table."""
    columns = overview_tables.COLUMNS[name]
    shaped = []
    for row in rows:
        cells = list(zip(headers, row, columns, strict=True))
        title = " · ".join(str(value) for _h, value, kind in cells if kind == "text")
        shaped.append((title, [cell for cell in cells if cell[2] in ("count", "money")]))
    return shaped


@login_required
@require_safe
def overview_export(request, table, fmt):
    scope = Scope.requiring(request.user, "is_regional")
    if fmt not in FORMATS or table not in overview_tables.BUILDERS:
        raise Http404
    headers, rows = overview_tables.BUILDERS[table](scope)
    kinds = overview_tables.COLUMNS[table]
    rows = [
        [money(value) if kind == "money" else value for value, kind in zip(row, kinds, strict=True)]
        for row in rows
    ]
    title = overview_tables.SHEET_TITLES[table]
    return table_response(fmt, f"ikhtisar-{table}", headers, rows, sheet_title=title)
