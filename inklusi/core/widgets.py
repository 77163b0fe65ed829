"""A type-ahead picker: type a name, pick from the list the server sends back (htmx).

The value itself (a region code, a library id) sits in a small text box, the field that is
sent: shown only without JavaScript (the search box is then hidden, it could not answer), so
the form still works; with JavaScript it stays hidden behind the search box, and what was
picked survives a failed submit.
Subclasses say where to search and how to name the chosen value.
"""

from pathlib import PurePosixPath
from urllib.parse import urlencode

from django import forms
from django.db import models
from django.urls import reverse


class SearchPicker(forms.TextInput):
    template_name = "core/widgets/picker.html"
    search_url_name = ""
    value_label = ""

    def search_params(self):
        return {}

    def chosen_label(self, value):
        """What the chosen value is called, for the line under the search box."""
        raise NotImplementedError

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        value = "" if value is None else str(value)
        params = urlencode(self.search_params(), doseq=True)
        context["widget"].update(
            {
                "value": value,
                "chosen": self.chosen_label(value) if value else "",
                "search_url": reverse(self.search_url_name) + (f"?{params}" if params else ""),
                "value_label": self.value_label,
            }
        )
        return context


# A date picker that phones show as their own calendar; the ISO format is what it posts.
DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class CheckedFileInput(forms.ClearableFileInput):
    """The file input of a private file (core/storage.py): the current file is named by its
    file name and linked to `link`, the view that checks its reader, never to a stored
    address (which a private file does not have). The form sets `link` when it has one."""

    template_name = "core/widgets/checked_file_input.html"

    def __init__(self, attrs=None, link=""):
        super().__init__(attrs)
        self.link = link

    def is_initial(self, value):
        # Django's asks the file for its URL.
        return bool(value and getattr(value, "name", ""))

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["link"] = self.link
        context["widget"]["file_name"] = PurePosixPath(getattr(value, "name", "") or "").name
        return context


# A ModelAdmin's `formfield_overrides` for models with private files: Django's admin widget
# would ask the file for its URL.
PRIVATE_FILES_IN_ADMIN = {models.FileField: {"widget": CheckedFileInput}}
