"""A library's next step about its profile, for `core.next_steps` (registered in apps.py)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from inklusi.core.next_steps import Step


def next_steps(library, scope, today):
    missing = library.missing_profile_fields()
    if not missing:
        return []
    text = _("Complete the profile: add %(fields)s") % {
        "fields": ", ".join(str(label) for label in missing)
    }
    return [Step(text, reverse("libraries:edit", args=[library.pk]))]
