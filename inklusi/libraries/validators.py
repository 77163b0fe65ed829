import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# A generous box around Indonesia: Sabang to Merauke, Miangas to Rote.
LATITUDE_RANGE = (-11.5, 6.5)
LONGITUDE_RANGE = (94.5, 141.5)


def validate_in_indonesia(latitude, longitude):
    errors = {}
    if latitude is not None and not LATITUDE_RANGE[0] <= float(latitude) <= LATITUDE_RANGE[1]:
        errors["latitude"] = _("This latitude lies outside Indonesia (between -11.5 and 6.5).")
    if longitude is not None and not LONGITUDE_RANGE[0] <= float(longitude) <= LONGITUDE_RANGE[1]:
        errors["longitude"] = _("This longitude lies outside Indonesia (between 94.5 and 141.5).")
    if (latitude is None) != (longitude is None):
        missing = "latitude" if latitude is None else "longitude"
        errors[missing] = _("Give both latitude and longitude, or neither.")
    if errors:
        raise ValidationError(errors)


def normalize_npp(value):
    """NPP (Nomor Pokok Perpustakaan): digits and letters, stored without spaces, upper-case."""
    cleaned = re.sub(r"[\s.-]", "", value or "").upper()
    if cleaned and not re.fullmatch(r"[0-9A-Z]{6,20}", cleaned):
        raise ValidationError(_("An NPP has 6 to 20 letters and digits."), code="npp")
    return cleaned or None
