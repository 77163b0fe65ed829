from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inklusi.core.fields import CountField, RupiahField
from inklusi.core.funding import FundingSource
from inklusi.core.offline import OfflineFormMixin
from inklusi.libraries.forms import LibraryChoiceField, ask_for_library
from inklusi.libraries.models import Library

from .models import (
    AGE_FIELDS,
    GENDER_FIELDS,
    INCLUSION_FIELDS,
    MAX_PHOTOS,
    SOCIAL_HOSTS,
    Activity,
    ActivityPhoto,
    Category,
    Review,
    Status,
)
from .photos import check_photo_count, prepare_photo

COUNT_FIELDS = GENDER_FIELDS + AGE_FIELDS + INCLUSION_FIELDS + ("volunteers",)

# Parts of the form most activities leave empty: shown folded until they hold a value or error.
OPTIONAL_SECTIONS = {
    "inclusion": INCLUSION_FIELDS,
    "money": ("cost", "funding_source"),
    "result": ("outcome", "follow_up"),
    "social": tuple(SOCIAL_HOSTS),
}


class ParticipantCountField(CountField):
    limit = 100_000  # more than any one activity gathers
    example = 25


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files from one input; cleaned to a list (empty when none were chosen)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": "image/*"}))
        super().__init__(required=False, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, (list, tuple)) else [data]
        cleaned = []
        for upload in files:
            if upload:
                cleaned.append(super().clean(upload, initial))
        return cleaned

    def has_changed(self, initial, data):
        return bool(data)


class ActivityForm(OfflineFormMixin, forms.ModelForm):
    library = LibraryChoiceField(
        label=_("Library"),
        queryset=Library.objects.none(),
        error_messages={"invalid_choice": _("Pick a library inside your own area from the list.")},
    )
    photos = MultipleFileField(label=_("Add photos"))
    photos_consent = forms.BooleanField(
        label=_("All these photos may be published"),
        required=False,
        help_text=ActivityPhoto._meta.get_field("consent_to_publish").help_text,
    )

    class Meta:
        model = Activity
        fields = [
            "library",
            "title",
            "category",
            "starts_on",
            "ends_on",
            "place",
            "facilitator",
            "partners",
            "description",
            *COUNT_FIELDS,
            "cost",
            "funding_source",
            "outcome",
            "follow_up",
            *SOCIAL_HOSTS,
        ]
        field_classes = {
            "cost": RupiahField,
            **dict.fromkeys(COUNT_FIELDS, ParticipantCountField),
        }
        widgets = {
            "starts_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "ends_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "description": forms.Textarea(attrs={"rows": 4}),
            "outcome": forms.Textarea(attrs={"rows": 3}),
            "follow_up": forms.Textarea(attrs={"rows": 3}),
            **{
                name: forms.URLInput(attrs={"placeholder": "https://", "inputmode": "url"})
                for name in SOCIAL_HOSTS
            },
        }
        help_texts = {
            "participants_children": _(
                "Optional. If you fill them in, they must add up to the total."
            ),
        }

    def __init__(self, *args, scope, photos_leaving=0, **kwargs):
        super().__init__(*args, **kwargs)
        self.photos_leaving = photos_leaving
        self.prepared_photos = []
        self.single_library = ask_for_library(self, scope)
        if self.single_library and not self.instance.library_id:
            self.instance.library = self.single_library
        self.fields["category"].queryset = Category.objects.filter(
            Q(is_active=True) | Q(pk=self.instance.category_id)
        )
        today = timezone.localdate()  # in Asia/Jakarta (settings.TIME_ZONE)
        for name in ("starts_on", "ends_on"):
            self.fields[name].widget.attrs["max"] = today.isoformat()
        if not self.instance.pk:
            for name in COUNT_FIELDS:
                self.initial[name] = None
            self.initial.setdefault("starts_on", today)  # most are recorded on the day

    def clean_photos(self):
        files = self.cleaned_data["photos"]
        if not files:
            return files
        check_photo_count(self.instance, len(files) - self.photos_leaving)
        errors = []
        for upload in files:
            try:
                self.prepared_photos.append(prepare_photo(upload))
            except ValidationError as error:
                errors += [f"{upload.name}: {message}" for message in error.messages]
        if errors:
            self.prepared_photos = []
            raise ValidationError(errors)
        return files

    @property
    def open_sections(self):
        """Which optional sections to show unfolded: those holding a value or an error."""
        empty = ("", "0", None, 0, FundingSource.NONE)
        return {
            key: any(self[name].errors or self[name].value() not in empty for name in names)
            for key, names in OPTIONAL_SECTIONS.items()
        }

    @property
    def photo_limit(self):
        return filesizeformat(settings.MAX_IMAGE_UPLOAD_BYTES)

    @property
    def max_photos(self):
        return MAX_PHOTOS

    @property
    def photos_were_chosen(self):
        """Browsers cannot keep chosen files in a re-shown form: they must be chosen again."""
        return bool(self.files.getlist("photos"))


class PhotoForm(forms.ModelForm):
    class Meta:
        model = ActivityPhoto
        fields = ["caption", "consent_to_publish"]
        help_texts = {"consent_to_publish": ""}  # said once above the photos


# The activity's own photos only: new ones come through the file input, never a formset row.
PhotoFormSet = forms.inlineformset_factory(
    Activity,
    ActivityPhoto,
    form=PhotoForm,
    extra=0,
    can_delete=True,
    edit_only=True,
    max_num=MAX_PHOTOS,
    absolute_max=MAX_PHOTOS,
)


class ActivityFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=100,
        widget=forms.TextInput(
            attrs={"type": "search", "placeholder": _("Title, library, village…")}
        ),
    )
    category = forms.ModelChoiceField(
        label=_("Category"), required=False, queryset=Category.objects.all(), empty_label=_("All")
    )
    status = forms.ChoiceField(label=_("Status"), required=False)
    review = forms.ChoiceField(label=_("Verification"), required=False)
    month = forms.DateField(
        label=_("Month"),
        required=False,
        input_formats=["%Y-%m"],
        widget=forms.DateInput(attrs={"type": "month", "placeholder": "2025-01"}, format="%Y-%m"),
        error_messages={"invalid": _("Enter a month like 2025-01.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        everything = [("", _("All"))]
        self.fields["status"].choices = everything + list(Status.choices)
        self.fields["review"].choices = everything + list(Review.choices)

    @property
    def is_active(self):
        return any(self.data.get(name) for name in self.fields)

    def apply(self, queryset):
        """The activities matching the valid filters (invalid ones are ignored and shown)."""
        self.is_valid()
        data = self.cleaned_data
        text = (data.get("q") or "").strip()
        if text:
            queryset = queryset.filter(
                Q(title__icontains=text)
                | Q(library__name__icontains=text)
                | Q(library__region__search_text__contains=text.lower())
            )
        for name in ("category", "status", "review"):
            if data.get(name):
                queryset = queryset.filter(**{name: data[name]})
        if data.get("month"):
            queryset = queryset.in_month(data["month"])
        return queryset


class SendBackForm(forms.Form):
    # The service refuses an empty comment too (for its other callers); here the error can
    # stand beside the box.
    comment = forms.CharField(
        label=_("What needs to change"),
        max_length=2000,
        error_messages={"required": _("Say what needs to change.")},
        widget=forms.Textarea(attrs={"rows": 3}),
    )
