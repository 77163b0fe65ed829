"""What a story's public text may not hold: a contact (phone number, e-mail address, social
media handle or link) or the name the library keeps privately. Checked when the story is saved,
so nothing personal reaches the public pages, the brief or the anthology."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
# Nine or more digits in a row, allowing spaces, dots and dashes between them (0812-3456-7890,
# +62 812 3456 7890); years and amounts ("2024", "Rp 1.500.000") stay shorter.
PHONE = re.compile(r"\+?\d(?:[\s.-]?\d){8,}")
HANDLE = re.compile(r"(?<![\w@])@[A-Za-z0-9_.]{3,}")
LINK = re.compile(r"https?://|www\.|wa\.me/", re.IGNORECASE)
# Words of a name that say nothing about who someone is.
TITLES = {"ibu", "bu", "bapak", "pak", "bpk", "sdr", "sdri", "saudara", "saudari", "adik", "kakak"}
TITLES |= {"mbak", "mas", "nenek", "kakek", "haji", "hajjah", "hj", "dr", "the", "mr", "mrs"}


def name_words(name):
    """The words of a private name that must not appear in public text."""
    return {w for w in re.findall(r"\w+", name.lower()) if len(w) >= 3 and w not in TITLES}


def check_public_text(text, private_name=""):
    """Raise a ValidationError naming what a public text must not hold."""
    if EMAIL.search(text):
        raise ValidationError(_("Remove the e-mail address: this text is shown publicly."))
    if PHONE.search(text):
        raise ValidationError(_("Remove the phone number: this text is shown publicly."))
    if HANDLE.search(text) or LINK.search(text):
        raise ValidationError(
            _("Remove the link or social media account: this text is shown publicly.")
        )
    found = name_words(private_name) & set(re.findall(r"\w+", text.lower()))
    if found:
        raise ValidationError(
            _("Remove the name (%(name)s): describe the person instead, e.g. “a young mother”.")
            % {"name": ", ".join(sorted(found))}
        )
