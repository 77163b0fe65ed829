"""The team pages: people and roles in a coordinator's area, invitations sent and accepted."""

import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.mail import send_mail
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from inklusi.accounts.models import Invitation, RoleAssignment, User
from inklusi.accounts.scope import Scope
from inklusi.accounts.signals import remember_language

from .forms import AcceptInvitationForm, InvitationForm

logger = logging.getLogger(__name__)


def team_area(request):
    """The scope of a user who invites (403 for others). Only the inviting roles count: a
    viewer or manager role elsewhere widens nothing here."""
    return Scope.requiring(request.user, "can_invite")


@login_required
@require_http_methods(["GET", "HEAD"])
def team(request):
    """The people holding roles in the area the user coordinates, and the open invitations."""
    area = team_area(request)
    assignments = RoleAssignment.objects.invitable_by(area).select_related(
        "user", "region", "library"
    )
    invitations = (
        Invitation.objects.pending()
        .invitable_by(area)
        .select_related("region", "library", "invited_by")
    )
    return render(
        request,
        "team/team.html",
        {
            "assignments": assignments.order_by("user__full_name", "user__email", "role"),
            "invitations": invitations,
        },
    )


@login_required
@require_POST
def revoke_role(request, pk):
    """Take a role away from someone in the coordinator's area (e.g. a manager who left)."""
    assignment = get_object_or_404(
        RoleAssignment.objects.invitable_by(team_area(request)).select_related("user"), pk=pk
    )
    if assignment.user_id == request.user.pk:
        messages.error(request, _("You cannot remove your own role; ask another coordinator."))
    else:
        assignment.delete()
        messages.success(
            request,
            _("%(name)s no longer holds the role %(role)s.")
            % {"name": assignment.user, "role": assignment.get_role_display()},
        )
    return redirect("team:team")


@login_required
@require_POST
def cancel_invitation(request, pk):
    invitation = get_object_or_404(
        Invitation.objects.pending().invitable_by(team_area(request)), pk=pk
    )
    invitation.delete()
    messages.success(
        request, _("The invitation to %(email)s was cancelled.") % {"email": invitation.email}
    )
    return redirect("team:team")


@login_required
@require_http_methods(["GET", "POST"])
def invite(request):
    scope = Scope.requiring(request.user, "can_invite")
    # "Invite the manager" links on the home page arrive with the role and library filled in.
    initial = {key: request.GET[key] for key in ("role", "library", "region") if key in request.GET}
    form = InvitationForm(request.POST or None, scope=scope, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            # The invitation exists only if its e-mail could be handed to the mail server.
            with transaction.atomic():
                invitation = form.save(commit=False)
                invitation.invited_by = request.user
                invitation.save()
                send_invitation(request, invitation)
        except OSError:  # smtplib.SMTPException is an OSError
            logger.exception("Could not send the invitation to %s", form.cleaned_data["email"])
            form.add_error(
                None, _("The e-mail could not be sent, so nothing was saved. Try again later.")
            )
        else:
            messages.success(
                request, _("An invitation was sent to %(email)s.") % {"email": invitation.email}
            )
            return redirect("team:team")
    context = {"form": form, "valid_days": settings.INVITATION_VALID_DAYS}
    return render(request, "team/invite.html", context)


def send_invitation(request, invitation):
    link = request.build_absolute_uri(reverse("team:accept_invitation", args=[invitation.token]))
    context = {"invitation": invitation, "link": link}
    # Someone who already has an account reads it in their own language.
    holder = User.objects.filter(email__iexact=invitation.email).first()
    with translation.override(holder.language if holder else translation.get_language()):
        send_mail(
            _("Invitation to Inklusi"),
            render_to_string("team/invitation_email.txt", context, request=request),
            None,
            [invitation.email],
        )


def invalid_invitation(request):
    return render(request, "team/invitation_invalid.html", status=410)


def current_language():
    language = translation.get_language()
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


@require_http_methods(["GET", "POST"])
def accept_invitation(request, token):
    invitation = (
        Invitation.objects.select_related("region", "library", "invited_by")
        .filter(token=token)
        .first()
    )
    if invitation is None or not invitation.is_usable:
        return invalid_invitation(request)
    existing = User.objects.filter(email__iexact=invitation.email).first()
    if existing is not None and not existing.is_active:
        return invalid_invitation(request)
    other_user = (
        request.user if request.user.is_authenticated and request.user != existing else None
    )
    context = {"invitation": invitation, "form": None, "other_user": other_user}

    if existing is not None:
        if other_user is not None:
            # Logged in as someone else: say so (sending them to the login page would loop,
            # since it sends logged-in users straight back here).
            return render(request, "team/accept_invitation.html", context)
        if not request.user.is_authenticated:
            messages.info(
                request,
                _("Log in as %(email)s to accept the invitation.") % {"email": invitation.email},
            )
            return redirect(f"{reverse('accounts:login')}?next={request.path}")
        if request.method == "POST":
            if invitation.accept(existing) is None:
                return invalid_invitation(request)
            messages.success(
                request,
                _("You now hold the role %(role)s.") % {"role": invitation.get_role_display()},
            )
            return redirect("home:home")
        return render(request, "team/accept_invitation.html", context)

    form = AcceptInvitationForm(
        request.POST or None, email=invitation.email, initial={"full_name": invitation.full_name}
    )
    if request.method == "POST" and form.is_valid():
        user = invitation.accept(
            full_name=form.cleaned_data["full_name"],
            password=form.cleaned_data["password1"],
            language=current_language(),
        )
        if user is None:
            return redirect(request.path)  # accepted meanwhile: the page now says so
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Welcome to Inklusi!"))
        return remember_language(request, redirect("home:home"))
    context["form"] = form
    return render(request, "team/accept_invitation.html", context)
