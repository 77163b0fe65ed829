"""Certificates: a participant's own PDF, the organiser issuing and downloading them, and
the public page that confirms a certificate is genuine."""

import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST, require_safe

from .. import services
from ..certificates import certificate_response
from ..models import Certificate
from .fetch import managed_training, my_registration

CERTIFICATE_NUMBER = re.compile(r"^[A-Z0-9]{4}(-[A-Z0-9]{4}){3}$")


@login_required
@require_safe
def my_certificate(request, pk):
    registration = my_registration(request, pk)
    certificate = services.issue_certificate(registration)
    if certificate is None:
        messages.error(
            request,
            services.refusal(
                request.user, "get_certificate", registration.training, registration=registration
            ),
        )
        return redirect(registration.training)
    return certificate_response(request, certificate)


@login_required
@require_safe
def participant_certificate(request, pk):
    certificate = get_object_or_404(
        Certificate.objects.filter(
            registration__training__in=services.managed_trainings(request.user)
        ).select_related("registration__training", "registration__user"),
        registration_id=pk,
    )
    return certificate_response(request, certificate)


@login_required
@require_POST
def issue_certificates(request, pk):
    training = managed_training(request, pk)
    issued = services.issue_certificates(training, request.user)
    messages.success(
        request,
        ngettext("%(count)s certificate was issued.", "%(count)s certificates were issued.", issued)
        % {"count": issued},
    )
    return redirect("trainings:participants", training.pk)


@require_safe
def verify(request, number):
    """Public: confirms a certificate is genuine. Shows the name, the event and the date."""
    number = number.upper()[:40]
    certificate = None
    if CERTIFICATE_NUMBER.match(number):
        certificate = (
            Certificate.objects.select_related("registration__user", "registration__training")
            .filter(number=number)
            .first()
        )
    status = 200 if certificate else 404
    return render(
        request,
        "trainings/verify.html",
        {"certificate": certificate, "number": number},
        status=status,
    )
