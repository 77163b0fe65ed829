from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from inklusi.core.images import check_image, reencode_image
from inklusi.core.widgets import CheckedFileInput
from inklusi.libraries.forms import ask_for_library

from .models import Question


class QuestionForm(forms.ModelForm):
    class Meta:
        model = Question
        fields = ["library", "text", "photo"]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 5}),
            "photo": CheckedFileInput(attrs={"accept": "image/*"}),
        }
        help_texts = {"photo": _("Optional: a photo of what you ask about.")}

    def __init__(self, *args, scope, **kwargs):
        super().__init__(*args, **kwargs)
        self.single_library = ask_for_library(self, scope)

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        if isinstance(photo, UploadedFile):
            check_image(photo)
            photo = reencode_image(photo)  # without its location and camera
        return photo

    def save(self, commit=True):
        if self.single_library is not None:
            self.instance.library = self.single_library
        return super().save(commit)


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label=_("Your answer"), max_length=5000, widget=forms.Textarea(attrs={"rows": 5})
    )


class FaqSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search the FAQ"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
