"""Two-factor sign-in (django-otp, time-based codes) for national admins.

After the password, a national admin (or a superuser) is asked for the six-digit code of their
authenticator app; until they give it, every page sends them to that question, or, the first
time, to setting the app up. The session then counts as verified until they log out.
A lost phone: another national admin deletes the device in the admin ("TOTP devices"), and the
next sign-in sets up a new one.
"""

from urllib.parse import urlencode

from django.http import HttpResponseForbidden
from django.shortcuts import redirect
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp import login as otp_login
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from .scope import Scope

DEVICE_NAME = "default"


def needs_two_factor(user):
    return user.is_authenticated and Scope.of(user).is_national


def confirmed_device(user):
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def device_for_setup(user):
    """The unconfirmed device being set up (made on first ask); None once one is confirmed."""
    if confirmed_device(user):
        return None
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)


def verify(request, device, code):
    """True, and the session verified, if `code` is the device's current code. The device
    slows down repeated wrong codes itself (django-otp's throttling)."""
    code = "".join(code.split())
    if not (code.isdigit() and device.verify_token(code)):
        return False
    if not device.confirmed:
        device.confirmed = True
        device.save(update_fields=["confirmed"])
    otp_login(request, device)
    return True


def current_code(device):
    """The code the device's app shows now (the demo's `manage.py totp_code`)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


class RequireTwoFactorMiddleware:
    """Send a national admin whose session is not verified to the code question. Place after
    django_otp's OTPMiddleware."""

    OPEN = ("accounts:two_factor", "accounts:two_factor_setup", "accounts:logout")

    def __init__(self, get_response):
        self.get_response = get_response
        self._open_paths = None

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and needs_two_factor(user) and not user.is_verified():
            if self._open_paths is None:
                self._open_paths = {reverse(name) for name in self.OPEN}
            if request.path_info not in self._open_paths:
                if request.headers.get("HX-Request"):
                    # A fragment (the bell's count) gets nothing, never the code page inside it.
                    return HttpResponseForbidden()
                target = reverse("accounts:two_factor")
                return redirect(f"{target}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)


def device_for_tests(user):
    """The user's confirmed device, made if they have none (tests and benchmarks)."""
    return confirmed_device(user) or TOTPDevice.objects.create(
        user=user, name=DEVICE_NAME, confirmed=True
    )


def force_login_verified(client, user):
    """Log a test client (the tests, the benchmarks, `measure_page_weight`) in as `user`, past
    the code question: a national admin's session counts as verified with their device."""
    client.force_login(user)
    if needs_two_factor(user):
        device = device_for_tests(user)
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client
