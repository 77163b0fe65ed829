from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import transaction
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .forms import AcceptInvitationForm, InvitationForm, ProfileForm
from .models import Invitation, RoleAssignment, User
from .scope import Scope


@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        translation.activate(user.language)
        response = redirect("accounts:profile")
        response.set_cookie("django_language", user.language, max_age=365 * 24 * 3600)
        messages.success(request, _("Your profile was saved."))
        return response
    roles = request.user.roles.select_related("region", "library")
    return render(request, "accounts/profile.html", {"form": form, "roles": roles})


@login_required
def team(request):
    """The people holding roles in the user's area, and the invitations still open."""
    scope = Scope.of(request.user)
    if not scope.can_invite:
        raise PermissionDenied
    both_paths = ("region", "library__region")
    assignments = scope.filter(
        RoleAssignment.objects.select_related("user", "region", "library"),
        region_path=both_paths,
        library_path="library",
    )
    invitations = scope.filter(
        Invitation.objects.pending().select_related("region", "library", "invited_by"),
        region_path=both_paths,
        library_path="library",
    )
    return render(
        request,
        "accounts/team.html",
        {
            "assignments": assignments.order_by("user__full_name"),
            "invitations": invitations,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def invite(request):
    scope = Scope.of(request.user)
    if not scope.can_invite:
        raise PermissionDenied
    form = InvitationForm(request.POST or None, scope=scope)
    if request.method == "POST" and form.is_valid():
        invitation = form.save(commit=False)
        invitation.invited_by = request.user
        invitation.save()
        send_invitation(request, invitation)
        messages.success(
            request, _("An invitation was sent to %(email)s.") % {"email": invitation.email}
        )
        return redirect("accounts:team")
    return render(request, "accounts/invite.html", {"form": form})


def send_invitation(request, invitation):
    link = request.build_absolute_uri(
        reverse("accounts:accept_invitation", args=[invitation.token])
    )
    context = {"invitation": invitation, "link": link}
    send_mail(
        _("Invitation to Inklusi"),
        render_to_string("accounts/invitation_email.txt", context, request=request),
        None,
        [invitation.email],
    )


@require_http_methods(["GET", "POST"])
def accept_invitation(request, token):
    invitation = Invitation.objects.select_related("region", "library").filter(token=token).first()
    if invitation is None or not invitation.is_usable:
        return render(request, "accounts/invitation_invalid.html", status=410)
    existing = User.objects.filter(email__iexact=invitation.email).first()
    if existing is not None:
        if request.user != existing:
            messages.info(
                request,
                _("Log in as %(email)s to accept the invitation.") % {"email": invitation.email},
            )
            return redirect(f"{reverse('accounts:login')}?next={request.path}")
        if request.method == "POST":
            invitation.accept(existing)
            messages.success(
                request,
                _("You now hold the role %(role)s.") % {"role": invitation.get_role_display()},
            )
            return redirect("core:home")
        return render(
            request, "accounts/accept_invitation.html", {"invitation": invitation, "form": None}
        )
    form = AcceptInvitationForm(
        request.POST or None, email=invitation.email, initial={"full_name": invitation.full_name}
    )
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            user = User.objects.create_user(
                invitation.email,
                form.cleaned_data["password1"],
                full_name=form.cleaned_data["full_name"],
            )
            invitation.accept(user)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Welcome to Inklusi!"))
        return redirect("core:home")
    return render(
        request, "accounts/accept_invitation.html", {"invitation": invitation, "form": form}
    )
