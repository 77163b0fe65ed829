from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from inklusi.core.images import check_image, reencode_image
from inklusi.core.widgets import CheckedFileInput
from inklusi.libraries.forms import LibraryChoiceField, ask_for_library
from inklusi.libraries.models import Library

from .models import Story
from .privacy import check_public_text

# The fields shown on public pages, in the brief and the anthology.
PUBLIC_FIELDS = ("who", "what_changed", "why_it_matters", "quote")


class StoryForm(forms.ModelForm):
    library = LibraryChoiceField(
        label=_("Library"),
        queryset=Library.objects.none(),
        error_messages={"invalid_choice": _("Pick a library inside your own area from the list.")},
    )

    class Meta:
        model = Story
        fields = [
            "library",
            "domain",
            "who",
            "person",
            "what_changed",
            "why_it_matters",
            "quote",
            "photo",
            "photo_consent",
        ]
        widgets = {
            "what_changed": forms.Textarea(attrs={"rows": 5}),
            "why_it_matters": forms.Textarea(attrs={"rows": 4}),
            "quote": forms.Textarea(attrs={"rows": 2}),
            "photo": CheckedFileInput(attrs={"accept": "image/*"}),
        }
        help_texts = {
            "what_changed": _("Before and after: what is different in their life now?"),
            "quote": _("Optional: a sentence they said, without names or contacts."),
            "photo": _("Optional, and only with the person's consent."),
            "photo_consent": _(
                "Tick only if the person agreed that their photo appears on public pages and "
                "in reports. They may withdraw it at any time."
            ),
        }

    def __init__(self, *args, scope, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.photo:
            self.fields["photo"].widget.link = reverse("stories:photo", args=[self.instance.pk])
        if self.instance.pk:
            del self.fields["library"]
            self.single_library = self.instance.library
        else:
            self.single_library = ask_for_library(self, scope)

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        if isinstance(photo, UploadedFile):
            check_image(photo)
            photo = reencode_image(photo)  # without its location and camera
        return photo

    def clean(self):
        cleaned = super().clean()
        person = cleaned.get("person", "")
        for name in PUBLIC_FIELDS:
            if cleaned.get(name):
                try:
                    check_public_text(cleaned[name], person)
                except ValidationError as error:
                    self.add_error(name, error)
        if cleaned.get("photo") and not cleaned.get("photo_consent"):
            self.add_error(
                "photo_consent",
                _("A photo needs the person's consent; without it, leave the photo out."),
            )
        return cleaned

    def save(self, commit=True):
        if self.single_library is not None:
            self.instance.library = self.single_library
        return super().save(commit)


class ChooseForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is this story the most significant?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean_reason(self):
        reason = self.cleaned_data["reason"]
        check_public_text(reason)
        return reason
