"""Who takes part: registering oneself through the invitation link, the organiser's list of
participants (with its export), adding a person, and e-mailing the invitation."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from inklusi.accounts.scope import Scope
from inklusi.core.exports import FORMATS, table_response
from inklusi.libraries.models import Library

from .. import services
from ..exports import participant_table
from ..forms import RegisterPersonForm, RegisterSelfForm
from ..models import Training
from .fetch import invite_link, managed_training


@login_required
@require_http_methods(["GET", "POST"])
def register(request, token):
    """The invitation link: a logged-in person registers themselves (the login page brings
    them back here)."""
    training = get_object_or_404(
        Training.objects.select_related("organiser__region"), invite_token=token[:64]
    )
    registration = services.registration_of(request.user, training)
    form = RegisterSelfForm(request.POST or None, libraries=services.libraries_of(request.user))
    if registration is None and request.method == "POST" and form.is_valid():
        library = form.cleaned_data.get("library")
        try:
            registration = services.register(training, request.user, library, by=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            _confirm(request, registration)
            return redirect(training)
    elif registration is not None and request.method == "POST":
        messages.info(request, _("You are already registered for this training."))
        return redirect(training)
    return render(
        request,
        "trainings/register.html",
        {
            "training": training,
            "form": form,
            "registration": registration,
            "sessions": training.sessions.all(),
        },
    )


def _confirm(request, registration, new_account=False):
    """Say the registration is done, and whether the confirmation e-mail went out."""
    if services.send_confirmation(registration, request.build_absolute_uri, new_account):
        messages.success(
            request,
            _("%(name)s is registered. A confirmation was sent to %(email)s.")
            % {"name": registration.user, "email": registration.user.email},
        )
    else:
        messages.warning(
            request,
            _(
                "%(name)s is registered, but the confirmation e-mail could not be sent. "
                "The calendar file can be downloaded from the training page."
            )
            % {"name": registration.user},
        )


@login_required
@require_safe
def participants(request, pk):
    training = managed_training(request, pk)
    rows = services.participant_rows(training)
    return render(
        request,
        "trainings/participants.html",
        {
            "training": training,
            "rows": rows,
            "form": RegisterPersonForm(libraries=Library.objects.none()),
            "invite_link": invite_link(request, training),
            "eligible_without_certificate": sum(1 for row in rows if row.awaits_certificate),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def participant_add(request, pk):
    """A coordinator registers a person by name, e-mail and library; a person without an
    account gets one (no role), with a link to set their password in the confirmation."""
    training = managed_training(request, pk)
    libraries = Library.objects.visible_to(Scope.of(request.user)).select_related("region")
    form = RegisterPersonForm(request.POST or None, libraries=libraries)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            with transaction.atomic():
                user, new = services.participant_account(data["email"], data["full_name"])
                registration = services.register(training, user, data["library"], by=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            _confirm(request, registration, new_account=new)
            return redirect("trainings:participants", training.pk)
    return render(request, "trainings/participant_form.html", {"training": training, "form": form})


@login_required
@require_safe
def participants_export(request, pk, fmt):
    if fmt not in FORMATS:
        raise Http404
    training = managed_training(request, pk)
    headers, rows = participant_table(services.participant_rows(training))
    return table_response(fmt, f"peserta-bimtek-{training.pk}", headers, rows, _("Participants"))


@login_required
@require_POST
def invite_audience(request, pk):
    """E-mail the invitation link to the managers of every invited library not registered yet."""
    training = managed_training(request, pk)
    sent, total = services.send_invitations(training, request.build_absolute_uri)
    if total and sent < total:
        messages.warning(
            request,
            _("The invitation reached %(sent)s of %(total)s people; try the rest again later.")
            % {"sent": sent, "total": total},
        )
    else:
        messages.success(
            request,
            ngettext(
                "The invitation was sent to %(sent)s library manager.",
                "The invitation was sent to %(sent)s library managers.",
                sent,
            )
            % {"sent": sent},
        )
    return redirect("trainings:participants", training.pk)
