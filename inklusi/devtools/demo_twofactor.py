"""The demo national admin's authenticator: a fixed, public key, so the demo can be signed in
to without a phone (`manage.py totp_code admin@inklusi.id` prints the current code). A real
installation sets up each admin's own key at their first sign-in."""

from base64 import b32decode

from django_otp.plugins.otp_totp.models import TOTPDevice

from inklusi.accounts.models import User
from inklusi.accounts.twofactor import DEVICE_NAME

ADMIN = "admin@inklusi.id"
DEMO_TOTP_KEY = "JBSWY3DPEHPK3PXP"  # base32, as an authenticator app takes it


def load_demo_twofactor():
    """Give the demo national admin the demo key (safe to run twice)."""
    admin = User.objects.get(email=ADMIN)
    device, _ = TOTPDevice.objects.update_or_create(
        user=admin,
        name=DEVICE_NAME,
        defaults={"key": b32decode(DEMO_TOTP_KEY).hex(), "confirmed": True},
    )
    return device
