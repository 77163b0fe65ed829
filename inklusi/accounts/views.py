from base64 import b32encode

import segno
from axes.helpers import get_client_ip_address
from axes.utils import reset as axes_reset
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views import i18n as i18n_views
from django.views.decorators.http import require_http_methods

from inklusi.core import ratelimit

from . import twofactor
from .forms import CodeForm, EmailLoginForm, ProfileForm
from .signals import LANGUAGE_ATTRIBUTE, remember_language


def login_username(request, credentials):
    """The account a log-in attempt counts against (django-axes' AXES_USERNAME_CALLABLE): the
    e-mail in lower case, as log-in itself ignores case."""
    if credentials:
        username = credentials.get("username")
    else:
        username = getattr(request, "POST", {}).get("username")
    return (username or "").strip().lower() or None


class PasswordResetView(auth_views.PasswordResetView):
    """Asking for the reset e-mail, at most a few times an hour per address and per network."""

    def form_valid(self, form):
        email = form.cleaned_data["email"].strip().lower()
        address = get_client_ip_address(self.request) or ""
        if not (
            ratelimit.allow(f"reset-email:{email}", *settings.PASSWORD_RESET_RATE_PER_EMAIL)
            and ratelimit.allow(f"reset-ip:{address}", *settings.PASSWORD_RESET_RATE_PER_ADDRESS)
        ):
            form.add_error(
                None,
                _(
                    "A reset link was asked for too often. Look in your e-mail (and its spam "
                    "folder) for the link already sent, or try again in an hour."
                ),
            )
            return self.form_invalid(form)
        return super().form_valid(form)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Setting a new password from the e-mail's link also lifts a log-in pause of the account."""

    def form_valid(self, form):
        response = super().form_valid(form)
        axes_reset(username=form.user.email.lower())
        return response


class LoginView(auth_views.LoginView):
    """E-mail login; afterwards the interface speaks the user's language (see signals)."""

    authentication_form = EmailLoginForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        return remember_language(self.request, super().form_valid(form))


@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        translation.activate(user.language)
        setattr(request, LANGUAGE_ATTRIBUTE, user.language)
        messages.success(request, _("Your profile was saved."))
        return remember_language(request, redirect("accounts:profile"))
    roles = request.user.roles.select_related("region", "library")
    return render(request, "accounts/profile.html", {"form": form, "roles": roles})


@require_http_methods(["POST"])
def set_language(request):
    """Django's set_language, which also keeps a logged-in user's choice as User.language,
    so the next login does not switch the interface back."""
    language = request.POST.get("language", "")
    if request.user.is_authenticated and language in dict(settings.LANGUAGES):
        if request.user.language != language:
            request.user.language = language
            request.user.save(update_fields=["language"])
    return i18n_views.set_language(request)


def _next_url(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return settings.LOGIN_REDIRECT_URL


@login_required
@require_http_methods(["GET", "POST"])
def two_factor(request):
    """After the password: the code of the authenticator app (national admins)."""
    device = twofactor.confirmed_device(request.user)
    if device is None:
        return redirect(f"{reverse('accounts:two_factor_setup')}?{request.GET.urlencode()}")
    if request.user.is_verified():
        return redirect(_next_url(request))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if twofactor.verify(request, device, form.cleaned_data["code"]):
            return redirect(_next_url(request))
        form.add_error("code", _("That code is not right. Type the code your app shows now."))
    return render(
        request,
        "accounts/two_factor.html",
        {"form": form, "next": _next_url(request), "awaiting_code": True},
    )


@login_required
@require_http_methods(["GET", "POST"])
def two_factor_setup(request):
    """The first sign-in of a national admin: add the account to an authenticator app (scan the
    QR code or type the key), then type its code. Only while no device is confirmed."""
    device = twofactor.device_for_setup(request.user)
    if device is None:
        return redirect("accounts:two_factor")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if twofactor.verify(request, device, form.cleaned_data["code"]):
            messages.success(request, _("Two-step sign-in is set up."))
            return redirect(_next_url(request))
        form.add_error("code", _("That code is not right. Type the code your app shows now."))
    url = device.config_url
    return render(
        request,
        "accounts/two_factor_setup.html",
        {
            "form": form,
            "next": _next_url(request),
            "awaiting_code": True,
            "qr": segno.make(url, error="m").svg_inline(scale=4, border=2),
            "secret": b32encode(device.bin_key).decode(),
            "url": url,
        },
    )


def locked_out(request, original_response=None, credentials=None):
    """What a paused log-in answers (django-axes' AXES_LOCKOUT_CALLABLE): 429, in words, with
    the way back (wait, or reset the password)."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    context = {"failure_limit": settings.AXES_FAILURE_LIMIT, "minutes": minutes}
    return render(request, "accounts/locked_out.html", context, status=429)
