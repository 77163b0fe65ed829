import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def normalize_whatsapp(number):
    """`0812-3456-7890`, `+62 812 3456 7890` and `6281234567890` all become `6281234567890`."""
    digits = re.sub(r"\D", "", number or "")
    if not digits:
        return ""
    if digits.startswith("0"):
        digits = "62" + digits[1:]
    elif digits.startswith("8"):
        digits = "62" + digits
    if not re.fullmatch(r"628\d{7,12}", digits):
        raise ValidationError(
            _("Enter an Indonesian mobile number, for example 0812 3456 7890."), code="whatsapp"
        )
    return digits
