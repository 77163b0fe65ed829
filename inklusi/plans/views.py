from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from inklusi.accounts.scope import Scope
from inklusi.core.documents import stored_file_response
from inklusi.core.exports import FORMATS, table_response
from inklusi.core.pdf import pdf_response
from inklusi.libraries.views import library_from_address

from . import queries, services
from .forms import (
    ActivityForm,
    CommentForm,
    DecisionForm,
    FundingFilterForm,
    LineForm,
    NeedForm,
    PlanForm,
    RealisationForm,
    ReviewForm,
    StartForm,
    SubmissionForm,
)
from .history import change_rows, describe, steps
from .models import BudgetLine, EventKind, Plan, PlanActivity, Section, State
from .proposal import DOCX_TYPE, figure_sentences, proposal_data, proposal_docx, quantity

PLANS = Plan.objects.select_related("library__region__parent__parent")
NOTHING_SAVED = gettext_lazy("Some fields need attention; nothing was saved yet.")


def _plan(request, pk, for_edit=False):
    return PLANS.get_for(Scope.of(request.user), pk, for_edit=for_edit)


def _say(request, error):
    messages.error(request, " ".join(error.messages))


@login_required
@require_safe
def plan_list(request):
    scope = Scope.of(request.user)
    plans = PLANS.visible_to(scope)
    state = request.GET.get("state", "")
    if state in State.values:
        plans = plans.filter(state=state)
    year = FundingFilterForm(request.GET)
    if year.is_valid() and year.cleaned_data.get("year"):
        plans = plans.filter(year=year.cleaned_data["year"])
    page = Paginator(plans.order_by("-year", "library__name", "pk"), 25).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "plans/list.html",
        {
            "page": page,
            "count": page.paginator.count,
            "states": State.choices,
            "state": state,
            "year_form": year,
            "can_create": scope.can_edit,
            "coordinating": scope.is_regional,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def plan_create(request):
    scope = Scope.requiring(request.user, "can_edit")
    library = library_from_address(request)
    initial = {"library": library.pk} if library else {}
    posted = request.method == "POST"
    form = StartForm(request.POST if posted else None, scope=scope, initial=initial)
    if posted:
        if form.is_valid():
            data = form.cleaned_data
            try:
                plan = services.start_plan(
                    data["library"],
                    data["year"],
                    request.user,
                    start_from=data["start_from"],
                    template_keys=data["template_keys"],
                )
            except ValidationError as error:
                form.add_error("year", error)
            else:
                messages.success(request, _("The plan was created as a draft."))
                return redirect(plan)
        messages.error(request, NOTHING_SAVED)
    return render(request, "plans/start.html", {"form": form})


@login_required
@require_safe
def plan_detail(request, pk):
    plan = _plan(request, pk)
    user = request.user
    activities = list(
        plan.activities.select_related("partner", "activity").prefetch_related("needs", "lines")
    )
    for activity in activities:
        lines = activity.lines.all()
        activity.asked = sum(line.total for line in lines)
        activity.approved = sum(line.approved_amount or 0 for line in lines if line.is_approved)
    events = steps(plan)
    comments = {}
    for event in events:
        event.sentence = describe(event)
        event.rows = change_rows(event)
        if event.text and event.section and event.kind in (EventKind.COMMENT, EventKind.STATE):
            comments.setdefault(event.section, []).append(event)
    actions = {name: services.may(user, plan, name) for name in services.ACTIONS}
    return render(
        request,
        "plans/detail.html",
        {
            "plan": plan,
            "needs": plan.needs.all(),
            "activities": activities,
            "sources": plan.totals_by_source(),
            "totals": plan.totals(),
            "submissions": plan.submissions.all(),
            "events": events,
            "comments": comments,
            "sections": dict(Section.choices),
            "may": actions,
            "may_comment": services.may_comment(user, plan),
            "comment_form": CommentForm(),
            "review_form": ReviewForm(),
            "gaps": services.gaps(plan) if plan.is_draft and actions["edit"] else [],
        },
    )


# Writing the draft: the plan's background, its needs, activities and budget lines.


def _draft(request, pk):
    """The plan, if the user edits its library (else 404); None with a message if it is no
    longer a draft."""
    plan = _plan(request, pk, for_edit=True)
    if not plan.is_draft:
        messages.error(request, _("This plan is no longer a draft: its content cannot change now."))
        return plan, False
    return plan, True


def _part_form(request, plan, form, target, section, template, context):
    if request.method == "POST":
        if form.is_valid():
            try:
                services.save_part(form, plan, request.user, target, section)
            except ValidationError as error:
                _say(request, error)
                return redirect(plan)
            messages.success(request, _("Saved."))
            return redirect(f"{plan.get_absolute_url()}#{section}")
        messages.error(request, NOTHING_SAVED)
    return render(request, template, {"form": form, "plan": plan, **context})


@login_required
@require_http_methods(["GET", "POST"])
def plan_edit(request, pk):
    plan, ok = _draft(request, pk)
    if not ok:
        return redirect(plan)
    form = PlanForm(request.POST or None, instance=plan)
    return _part_form(
        request,
        plan,
        form,
        "plan",
        "general",
        "plans/part_form.html",
        {"title": _("Background")},
    )


@login_required
@require_http_methods(["GET", "POST"])
def need_form(request, pk, need_pk=None):
    plan, ok = _draft(request, pk)
    if not ok:
        return redirect(plan)
    need = get_object_or_404(plan.needs, pk=need_pk) if need_pk else None
    form = NeedForm(request.POST or None, instance=need)
    if need is None:
        form.instance.plan, form.instance.position = plan, plan.needs.count()
    title = _("Change the problem") if need else _("Add a problem and need")
    return _part_form(
        request, plan, form, "need", "needs", "plans/part_form.html", {"title": title}
    )


@login_required
@require_http_methods(["GET", "POST"])
def activity_form(request, pk, activity_pk=None):
    plan, ok = _draft(request, pk)
    if not ok:
        return redirect(plan)
    activity = get_object_or_404(plan.activities, pk=activity_pk) if activity_pk else None
    form = ActivityForm(request.POST or None, instance=activity, plan=plan)
    if activity is None:
        form.instance.position = plan.activities.count()
    title = _("Change the activity") if activity else _("Add an activity")
    return _part_form(
        request, plan, form, "activity", "activities", "plans/part_form.html", {"title": title}
    )


@login_required
@require_http_methods(["GET", "POST"])
def line_form(request, pk, activity_pk, line_pk=None):
    plan, ok = _draft(request, pk)
    if not ok:
        return redirect(plan)
    activity = get_object_or_404(plan.activities, pk=activity_pk)
    line = get_object_or_404(activity.lines, pk=line_pk) if line_pk else None
    form = LineForm(request.POST or None, instance=line, activity=activity)
    if line is None:
        form.instance.position = activity.lines.count()
    title = _("Change the budget line") if line else _("Add a budget line")
    return _part_form(
        request,
        plan,
        form,
        "line",
        "budget",
        "plans/line_form.html",
        {"title": title, "activity": activity},
    )


PARTS = {
    "need": (lambda plan: plan.needs.all(), "needs"),
    "activity": (lambda plan: plan.activities.all(), "activities"),
    "line": (lambda plan: BudgetLine.objects.filter(activity__plan=plan), "budget"),
}


@login_required
@require_POST
def part_delete(request, pk, kind, part_pk):
    plan, ok = _draft(request, pk)
    if not ok:
        return redirect(plan)
    if kind not in PARTS:
        raise Http404
    parts, section = PARTS[kind]
    part = get_object_or_404(parts(plan), pk=part_pk)
    try:
        services.remove_part(part, plan, request.user, kind, section)
    except ValidationError as error:
        _say(request, error)
    else:
        messages.success(request, _("“%(name)s” was removed.") % {"name": part})
    return redirect(f"{plan.get_absolute_url()}#{section}")


# Moving the plan along


def _transition(request, plan, action, success, **kwargs):
    try:
        getattr(services, action)(plan, request.user, **kwargs)
    except ValidationError as error:
        _say(request, error)
    else:
        messages.success(request, success)
    return redirect(plan)


@login_required
@require_POST
def submit_for_review(request, pk):
    plan = _plan(request, pk, for_edit=True)
    return _transition(
        request, plan, "submit_for_review", _("The plan was sent to the coordinator for review.")
    )


@login_required
@require_POST
def withdraw(request, pk):
    plan = _plan(request, pk, for_edit=True)
    return _transition(request, plan, "withdraw", _("The plan is a draft again."))


@login_required
@require_POST
def review(request, pk):
    """The coordinator's verdict: ask for changes (with a comment) or approve for submission."""
    plan = _plan(request, pk)
    form = ReviewForm(request.POST)
    if not form.is_valid():
        messages.error(request, NOTHING_SAVED)
        return redirect(plan)
    comment, section = form.cleaned_data["comment"], form.cleaned_data["section"]
    if request.POST.get("action") == "approve":
        return _transition(
            request,
            plan,
            "approve",
            _("The plan is approved for submission."),
            comment=comment,
            section=section,
        )
    return _transition(
        request,
        plan,
        "request_changes",
        _("The plan went back to its writers with your comment."),
        comment=comment,
        section=section,
    )


@login_required
@require_POST
def comment(request, pk):
    plan = _plan(request, pk)
    form = CommentForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Write a comment first."))
        return redirect(plan)
    section = form.cleaned_data["section"]
    try:
        services.add_comment(plan, request.user, section, form.cleaned_data["text"])
    except ValidationError as error:
        _say(request, error)
    else:
        messages.success(request, _("Your comment was added."))
    return redirect(f"{plan.get_absolute_url()}#{section}")


@login_required
@require_http_methods(["GET", "POST"])
def submit_to_funder(request, pk):
    plan = _plan(request, pk, for_edit=True)
    if not services.may(request.user, plan, "submit_to_funder"):
        messages.error(request, _("The coordinator approves the plan before it is submitted."))
        return redirect(plan)
    form = SubmissionForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            try:
                services.submit_to_funder(plan, request.user, **form.cleaned_data)
            except ValidationError as error:
                _say(request, error)
                return redirect(plan)
            messages.success(request, _("The submission to the funder was recorded."))
            return redirect(plan)
        messages.error(request, NOTHING_SAVED)
    return render(
        request,
        "plans/submission_form.html",
        {"form": form, "plan": plan, "title": _("Submit to the funder")},
    )


def _line(request, pk, line_pk):
    plan = _plan(request, pk, for_edit=True)
    line = get_object_or_404(
        BudgetLine.objects.select_related("activity"), activity__plan=plan, pk=line_pk
    )
    line.activity.plan = plan
    return plan, line


@login_required
@require_http_methods(["GET", "POST"])
def decision(request, pk, line_pk):
    plan, line = _line(request, pk, line_pk)
    if not services.may(request.user, plan, "decide"):
        messages.error(request, _("Decisions are recorded once the plan is with the funder."))
        return redirect(plan)
    posted = request.method == "POST"
    initial = {
        "decision": line.decision if line.is_decided else "approved",
        "approved_amount": line.approved_amount if line.is_approved else line.total,
        "decision_reference": line.decision_reference,
        "decided_on": line.decided_on,
        "decision_note": line.decision_note,
    }
    form = DecisionForm(
        request.POST if posted else None, request.FILES if posted else None, initial=initial
    )
    if posted:
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.record_decision(
                    line,
                    request.user,
                    decision=data["decision"],
                    approved_amount=data["approved_amount"],
                    reference=data["decision_reference"],
                    decided_on=data["decided_on"],
                    note=data["decision_note"],
                    document=data["decision_document"],
                )
            except ValidationError as error:
                if hasattr(error, "error_dict"):
                    for field, errors in error.error_dict.items():
                        form.add_error(field if field in form.fields else None, errors)
                else:
                    form.add_error(None, error)
            else:
                messages.success(request, _("The decision was recorded."))
                return redirect(f"{plan.get_absolute_url()}#budget")
        text = NOTHING_SAVED
        if form.document_was_chosen:
            text += " " + _("Please choose the document again.")
        messages.error(request, text)
    return render(
        request,
        "plans/decision_form.html",
        {
            "form": form,
            "plan": plan,
            "line": line,
            "title": _("Record the decision"),
            "multipart": True,
        },
    )


@login_required
@require_safe
def decision_document(request, pk, line_pk):
    plan = _plan(request, pk)
    line = get_object_or_404(
        BudgetLine.objects.exclude(decision_document=""), activity__plan=plan, pk=line_pk
    )
    return stored_file_response(
        line.decision_document,
        as_attachment=True,
        filename=f"keputusan-{slugify(line.item) or 'anggaran'}.pdf",
        content_type="application/pdf",
    )


@login_required
@require_http_methods(["GET", "POST"])
def realisation(request, pk, activity_pk):
    plan = _plan(request, pk, for_edit=True)
    activity = get_object_or_404(
        PlanActivity.objects.select_related("activity"), plan=plan, pk=activity_pk
    )
    activity.plan = plan
    if not services.may(request.user, plan, "realise"):
        messages.error(request, _("The realisation is recorded once the plan is with the funder."))
        return redirect(plan)
    form = RealisationForm(request.POST or None, plan_activity=activity)
    if request.method == "POST":
        if form.is_valid():
            try:
                services.record_realisation(
                    activity,
                    request.user,
                    held=form.held_value(),
                    activity=form.cleaned_data["activity"],
                    note=form.cleaned_data["note"],
                    spent=form.spent(),
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("The realisation was recorded."))
                return redirect(f"{plan.get_absolute_url()}#activities")
        messages.error(request, NOTHING_SAVED)
    return render(
        request,
        "plans/realisation_form.html",
        {"form": form, "plan": plan, "activity": activity, "title": _("Record the realisation")},
    )


# The proposal and the funding overview


@login_required
@require_safe
def proposal(request, pk, fmt):
    if fmt not in ("docx", "pdf"):
        raise Http404
    plan = _plan(request, pk)
    name = f"proposal-{slugify(plan.library.name) or 'perpustakaan'}-{plan.year}"
    with translation.override("id"):
        if fmt == "docx":
            docx = proposal_docx(plan, author=request.user.full_name)
            response = HttpResponse(docx, content_type=DOCX_TYPE)
            response["Content-Disposition"] = f'attachment; filename="{name}.docx"'
            return response
        data = proposal_data(plan)
        data["background_lines"] = figure_sentences(data)
        data["quantity"] = quantity
        return pdf_response("plans/proposal.html", data, request, f"{name}.pdf")


@login_required
@require_safe
def funding(request):
    scope = Scope.requiring(request.user, "is_regional")
    form = FundingFilterForm(request.GET)
    year = form.year_or_default()
    sources = queries.by_source(scope, year)
    return render(
        request,
        "plans/funding.html",
        {
            "form": form,
            "year": year,
            "sources": sources,
            "regencies": queries.by_regency(scope, year),
            "totals": {
                key: sum(row[key] for row in sources) for key in ("asked", "approved", "spent")
            },
            "counts": queries.plan_counts(scope, year),
            "today": timezone.localdate(),
        },
    )


@login_required
@require_safe
def funding_export(request, fmt):
    if fmt not in FORMATS:
        raise Http404
    scope = Scope.requiring(request.user, "is_regional")
    year = FundingFilterForm(request.GET).year_or_default()
    headers, rows = queries.export_rows(scope, year)
    return table_response(
        fmt, f"pendanaan-rencana-kerja-{year}", headers, rows, sheet_title=_("Funding")
    )
