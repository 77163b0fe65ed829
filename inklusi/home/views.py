import sys

from django.contrib.auth.decorators import login_required
from django.db import InterfaceError, OperationalError
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import render
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token

from inklusi.accounts.models import Invitation
from inklusi.accounts.scope import Scope
from inklusi.activities.models import Activity, Review
from inklusi.advocacy.models import overdue_follow_ups
from inklusi.announcements.models import Announcement
from inklusi.core.months import previous_month
from inklusi.libraries.models import Library, Status
from inklusi.notifications.services import failures
from inklusi.plans.queries import awaiting_review, decisions_pending
from inklusi.questions.models import Question
from inklusi.reports.queries import compliance_counts, reporting_libraries, reports_to_file
from inklusi.trainings.services import home_trainings


@login_required
def home(request):
    """What is theirs: a manager's library, a coordinator's region, and what needs doing."""
    scope = Scope.of(request.user)
    roles = scope.assignments
    libraries = Library.objects.visible_to(scope).select_related("region")
    managed = [r.library for r in roles if r.library_id]
    regions = [r.region for r in roles if r.region_id]
    status_counts = dict(libraries.values_list("status").annotate(n=Count("pk")).order_by())
    editable = libraries.editable_by(scope)
    incomplete = editable.incomplete().order_by("updated_at")
    unmanaged = editable.without_manager().order_by("name") if scope.can_invite else None
    pending_invitations = (
        Invitation.objects.pending()
        .filter(invited_by=request.user)
        .select_related("region", "library")
        if scope.can_invite
        else []
    )
    last_month = previous_month()
    overdue = overdue_follow_ups(scope)
    return render(
        request,
        "home/home.html",
        {
            "announcements": Announcement.objects.for_home(request.user, scope)[:5],
            "open_questions": Question.objects.reviewable_by(scope).open().count()
            if scope.edits_regionally
            else 0,
            "bimtek": home_trainings(request.user),
            "to_file": reports_to_file(scope),
            "failed_email_count": failures().count() if scope.is_national else 0,
            "plans_to_review": awaiting_review(scope)[:10],
            "plans_awaiting_decision": decisions_pending(scope)[:10],
            "overdue_follow_ups": overdue[:10],
            "overdue_follow_up_count": overdue.count(),
            "sent_back": sent_back_to(request.user, scope)[:10],
            "returned_by_me": returned_by(request.user, scope)[:10],
            "last_month": last_month,
            # Coordinators: what to look at this week.
            "to_verify_count": Activity.objects.reviewable_by(scope)
            .published()
            .filter(review=Review.PENDING)
            .count()
            if scope.edits_regionally
            else 0,
            "reporting": compliance_counts(reporting_libraries(libraries, last_month), last_month)
            if regions or scope.is_national
            else None,
            "roles": roles,
            "managed": managed,
            "regions": regions,
            "library_total": sum(status_counts.values()),
            "status_counts": [(s, status_counts.get(s.value, 0)) for s in Status],
            "incomplete": incomplete[:10],
            "incomplete_count": incomplete.count(),
            "pending_invitations": pending_invitations,
            "unmanaged": unmanaged[:10] if unmanaged is not None else [],
            "unmanaged_count": unmanaged.count() if unmanaged is not None else 0,
        },
    )


def sent_back_to(user, scope):
    """Activities sent back to the person who recorded them (to the library's managers when
    that account is gone): a coordinator does not see the managers' returns as their own."""
    mine = Q(created_by=user) | Q(
        created_by__isnull=True, library_id__in=scope.held_library_ids(for_edit=True)
    )
    return (
        Activity.objects.editable_by(scope)
        .filter(mine, review=Review.RETURNED)
        .select_related("library")
        .order_by("-reviewed_at")
    )


def returned_by(user, scope):
    """Activities the user sent back that still wait for their writers' correction."""
    return (
        Activity.objects.visible_to(scope)
        .filter(review=Review.RETURNED, reviewed_by=user)
        .select_related("library")
        .order_by("reviewed_at")
    )


def health(request):
    return HttpResponse("ok", content_type="text/plain")


@requires_csrf_token
def server_error(request):
    """The 500 page, or, while the database restarts or fails over, a 503 that asks to try
    again in a moment: a page reloads by itself; after a form, nothing was saved and the
    person goes back to their entries and sends them again."""
    _, error, _ = sys.exc_info()
    if isinstance(error, (OperationalError, InterfaceError)):
        page = loader.get_template("503.html").render({"refresh": request.method == "GET"})
        return HttpResponse(page, status=503, headers={"Retry-After": "5"})
    return HttpResponse(loader.get_template("500.html").render(), status=500)
