"""Form fields for numbers as Indonesians type them."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Ten trillion Rupiah: far above any amount in the programme, far below the columns' limit.
MAX_RUPIAH = 10**13
# 1500000, 1.500.000, 1,500,000 or 1 500 000, with or without "Rp" in front.
RUPIAH = re.compile(r"^(\d+|\d{1,3}(\.\d{3})+|\d{1,3}(,\d{3})+|\d{1,3}( \d{3})+)$")


class RupiahInput(forms.TextInput):
    def format_value(self, value):
        if isinstance(value, int):
            return f"{value:,}".replace(",", ".") if value else ""
        return super().format_value(value)


class RupiahField(forms.IntegerField):
    """Whole Rupiah, typed the Indonesian way ("1.500.000") or as plain digits."""

    widget = RupiahInput
    default_error_messages = {
        "invalid": _("Enter the amount in whole Rupiah, for example 1.500.000."),
    }

    def __init__(self, **kwargs):
        kwargs.update(required=False, min_value=0, max_value=MAX_RUPIAH)
        super().__init__(**kwargs)

    def to_python(self, value):
        text = str(value or "").strip()
        if text.startswith(("-", "−")):
            raise ValidationError(_("The amount cannot be negative."), code="negative")
        text = re.sub(r"^rp\.?\s*", "", text, flags=re.IGNORECASE)
        if not text:
            return 0
        if not RUPIAH.match(text):
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return int(re.sub(r"\D", "", text))

    def widget_attrs(self, widget):
        return {"inputmode": "numeric", "autocomplete": "off", "placeholder": "0"}
