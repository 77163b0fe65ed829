"""The events: the list, creating and editing one, its page and calendar file, the
organiser's recap, and the participants' action commitments across trainings."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from inklusi.accounts.scope import Scope

from .. import services
from ..forms import TrainingForm
from ..ics import training_calendar
from ..models import Certificate, Evaluation, Registration, Training
from .fetch import invite_link, managed_training, visible_training


@login_required
@require_safe
def training_list(request):
    user = request.user
    mine = (
        Registration.objects.filter(user=user)
        .select_related("training")
        .order_by("-training__starts_on")
    )
    managed = services.managed_trainings(user).select_related("organiser").order_by("-starts_on")
    return render(
        request,
        "trainings/list.html",
        {
            "mine": mine,
            "managed": managed[:50],
            "open_to_me": services.trainings_open_to(user),
            "can_create": services.organiser_libraries(user).exists(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def training_create(request):
    if not services.organiser_libraries(request.user).exists():
        raise PermissionDenied
    return _training_form(request, Training(created_by=request.user))


@login_required
@require_http_methods(["GET", "POST"])
def training_edit(request, pk):
    return _training_form(request, managed_training(request, pk))


def _training_form(request, training):
    scope = Scope.of(request.user)
    saved_title = training.title
    form = TrainingForm(request.POST or None, instance=training, scope=scope)
    if request.method == "POST":
        if form.is_valid():
            with transaction.atomic():
                training = form.save()
            messages.success(request, _("The training was saved."))
            return redirect(training)
        messages.error(request, _("Some fields need attention; nothing was saved yet."))
    return render(
        request,
        "trainings/form.html",
        {"form": form, "training": training if training.pk else None, "title": saved_title},
    )


@login_required
@require_safe
def training_detail(request, pk):
    training = visible_training(request, pk)
    registration = services.registration_of(request.user, training)
    can_manage = services.can_manage(request.user, training)
    sessions = training.sessions.prefetch_related("materials")
    context = {
        "training": training,
        "registration": registration,
        "can_manage": can_manage,
        "sessions": sessions,
        "now": timezone.now(),
        "registered_count": training.registrations.count(),
        "question_count": training.questions.count(),
    }
    if registration:
        context.update(
            {
                "attended": set(registration.attendances.values_list("session_id", flat=True)),
                "sheets": {s.kind: s for s in registration.answer_sheets.all()},
                "evaluated": Evaluation.objects.filter(registration=registration).exists(),
                "certificate": Certificate.objects.filter(registration=registration).first(),
                "eligible": services.is_eligible(registration),
                "pre_test_open": training.pre_test_open(),
                "follow_up_open": training.follow_up_open(),
                "check_in_open": any(s.check_in_is_open() for s in sessions),
            }
        )
    if can_manage:
        context["invite_link"] = invite_link(request, training)
    return render(request, "trainings/detail.html", context)


@login_required
@require_safe
def training_calendar_file(request, pk):
    training = visible_training(request, pk)
    registration = services.registration_of(request.user, training)
    full = registration is not None or services.can_manage(request.user, training)
    link = request.build_absolute_uri(training.get_absolute_url())
    response = HttpResponse(
        training_calendar(training, link, with_meeting=full), "text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="bimtek-{training.pk}.ics"'
    return response


@login_required
@require_safe
def results(request, pk):
    training = managed_training(request, pk)
    rows = services.participant_rows(training)
    sessions = training.sessions.count()
    evaluations = Evaluation.objects.filter(registration__training=training).exclude(comments="")
    return render(
        request,
        "trainings/results.html",
        {
            "training": training,
            "rows": rows,
            "session_rows": services.session_rows(training),
            "regency_rows": services.regency_rows(rows, sessions),
            "tests": services.test_summary(rows),
            "comments": evaluations.order_by("-submitted_at")[:50],
            "overall": services.percent(sum(r.attended for r in rows), len(rows) * sessions),
        },
    )


@login_required
@require_safe
def commitments(request):
    """Action commitments of participants from libraries in the user's area, any training."""
    registrations = (
        Registration.objects.visible_to(Scope.of(request.user))
        .exclude(commitment="")
        .select_related("user", "library__region", "training")
        .order_by("-committed_at", "pk")
    )
    return render(request, "trainings/commitments.html", {"registrations": registrations[:200]})
