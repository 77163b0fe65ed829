"""What a record written on a phone needs to survive a weak link (see docs/architecture.md,
"Offline"): a key made on the phone, so a retry after a lost answer finds the record it
already made, and a version, so a save against a record changed since the form was opened
is answered with both versions (409) instead of overwriting the other change."""

import uuid

from django import forms
from django.db import models
from django.template.response import TemplateResponse


class OfflineRecord(models.Model):
    """Abstract: the phone's key (unique, empty for records made before) and the version,
    one more on every save."""

    client_key = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk is not None:
            self.version += 1
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "version"}
        super().save(*args, **kwargs)


class Conflict(Exception):
    """The record was saved by someone else since the form was opened."""

    def __init__(self, stored):
        super().__init__("changed since the form was opened")
        self.stored = stored


def check_version(stored, seen):
    """Raise Conflict if the form was opened on another version than the one stored."""
    if seen is not None and seen != stored.version:
        raise Conflict(stored)


class OfflineFormMixin(forms.Form):
    """Two hidden fields for a form of an OfflineRecord: the phone's key (a new record) and
    the version the form was opened on (an edit)."""

    client_key = forms.UUIDField(required=False, widget=forms.HiddenInput)
    seen_version = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["seen_version"] = self.instance.version
        else:
            self.initial.setdefault("client_key", uuid.uuid4())

    def apply_client_key(self):
        """Put the phone's key on the new instance (once the form is valid)."""
        key = self.cleaned_data.get("client_key")
        if self.instance.pk is None and key:
            taken = type(self.instance).objects.filter(client_key=key).exists()
            self.instance.client_key = None if taken else key  # taken: someone else's key


def existing_for_key(model, request, owner_field):
    """The record this user already made with the posted key, or None. A key used by someone
    else is treated as unknown (the new record gets a new key)."""
    try:
        key = uuid.UUID(request.POST.get("client_key", ""))
    except ValueError:
        return None
    return model.objects.filter(client_key=key, **{owner_field: request.user}).first()


def conflict_response(request, form, stored, edit_url):
    """409: the manager's values beside the stored ones, and the choice between them."""
    rows = []
    for name, field in form.fields.items():
        if name in ("client_key", "seen_version") or isinstance(field, forms.FileField):
            continue
        if not hasattr(stored, name):
            continue
        mine = form[name].value()
        mine_shown = _shown(field, mine)
        theirs_shown = _shown(field, field.prepare_value(_raw(getattr(stored, name))))
        if mine_shown != theirs_shown:
            rows.append((field.label, mine_shown, theirs_shown))
    kept = [
        (name, value)
        for name, values in request.POST.lists()
        if name not in ("csrfmiddlewaretoken", "seen_version")
        for value in values
    ]
    return TemplateResponse(
        request,
        "core/conflict.html",
        {
            "rows": rows,
            "kept": kept,
            "stored": stored,
            "edit_url": edit_url,
            "photos_chosen": bool(request.FILES),
        },
        status=409,
    )


def _raw(value):
    return value.pk if isinstance(value, models.Model) else value


def _shown(field, value):
    if value in (None, ""):
        return ""
    choices = getattr(field, "choices", None)
    if choices is not None:
        for key, label in choices:
            if str(getattr(key, "value", key)) == str(value):
                return str(label)
    return str(value)
