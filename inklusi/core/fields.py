"""Form fields for numbers as Indonesians type them."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

# Far above any count in the programme (visitors of a provincial library in a month), far
# below what the database columns hold.
MAX_COUNT = 10_000_000
# "1.500" or "12.345.678": dots between groups of three digits, as Indonesians write numbers.
THOUSANDS = re.compile(r"^\d{1,3}(\.\d{3})+$")
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


class CountField(forms.IntegerField):
    """A count as people type it: "1.500" or "1 500" is 1500 (a number box would read "1.000"
    as 1); never negative; an empty box is 0.

    `example` is the number a wrong entry is told to look like: a plausible value of this
    count ("for example 22" under days open, not "1500")."""

    widget = forms.TextInput
    default_error_messages = {
        "invalid": _("Type a whole number, for example %(example)s."),
        "min_value": _("A count cannot be negative."),
        "max_value": _("This number is too large. Please check it."),
    }

    limit = MAX_COUNT
    empty_is_zero = True
    example = 150

    def __init__(self, **kwargs):
        # The model field's own range (the database's) is far too wide to catch a typo.
        kwargs.update(min_value=0, max_value=self.limit)
        if self.empty_is_zero:
            kwargs["required"] = False
        super().__init__(**kwargs)

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().replace(" ", "").replace("\u00a0", "").replace("−", "-")
            if THOUSANDS.match(value.lstrip("-")):
                value = value.replace(".", "")
        try:
            return super().to_python(value)
        except ValidationError as error:
            if error.code != "invalid":
                raise
            example = number_format(self.example, force_grouping=True)
            raise ValidationError(
                self.error_messages["invalid"], code="invalid", params={"example": example}
            ) from None

    def clean(self, value):
        cleaned = super().clean(value)
        return 0 if cleaned is None and self.empty_is_zero else cleaned

    def widget_attrs(self, widget):
        # Text, not type=number: a number box turns "1.500" into 1.5 or into nothing.
        return {"inputmode": "numeric", "autocomplete": "off", "class": "count", "placeholder": "0"}
