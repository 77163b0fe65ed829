"""Django's own messages in the app's words, set once for every form and model.

Our catalogue (`LOCALE_PATHS`) is read before Django's, so a msgid of Django's translated
there changes its wording everywhere: every form field's "required" and every model check.
Marking them here keeps them in the catalogue when `makemessages` runs.
"""

from django.utils.translation import gettext_noop

# "Bidang ini tidak boleh kosong." beside the app's own "isian": one wording for an empty
# required field, whichever check finds it.
REQUIRED_FIELD_MESSAGES = (
    gettext_noop("This field is required."),
    gettext_noop("This field cannot be blank."),
    gettext_noop("This field cannot be null."),
)
