from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inklusi.core.images import check_image, reencode_image
from inklusi.regions.forms import RegionField
from inklusi.regions.models import Level

from .models import Assistance, Kind, Library, Status

# Fields only a coordinator changes: where the library is and its place in the programme.
PROGRAMME_FIELDS = ("kind", "region", "status", "cohort_year")


class LibraryForm(forms.ModelForm):
    region = RegionField(
        label=_("Region"),
        levels=(Level.PROVINCE, Level.REGENCY, Level.DISTRICT, Level.VILLAGE),
        help_text=_("Type the village name (or a regency for a regency library) and pick it."),
    )

    class Meta:
        model = Library
        fields = [
            "name",
            "kind",
            "region",
            "address",
            "latitude",
            "longitude",
            "npp",
            "opening_hours",
            "whatsapp",
            "email",
            "website",
            "facebook",
            "instagram",
            "youtube",
            "tiktok",
            "status",
            "cohort_year",
            "description",
            "cover_photo",
        ]
        widgets = {
            "opening_hours": forms.Textarea(attrs={"rows": 3}),
            "description": forms.Textarea(attrs={"rows": 4}),
            "whatsapp": forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
            "latitude": forms.NumberInput(attrs={"step": "any", "inputmode": "decimal"}),
            "longitude": forms.NumberInput(attrs={"step": "any", "inputmode": "decimal"}),
            "cohort_year": forms.NumberInput(attrs={"inputmode": "numeric"}),
            "cover_photo": forms.ClearableFileInput(attrs={"accept": "image/*"}),
        }

    def __init__(self, *args, scope, **kwargs):
        super().__init__(*args, **kwargs)
        self.scope = scope
        self.programme_editable = scope.can_create_libraries
        if not self.programme_editable:
            for name in PROGRAMME_FIELDS:
                self.fields[name].disabled = True
        self.fields["cohort_year"].widget.attrs.update(
            {"min": 2018, "max": timezone.now().year + 1}
        )

    def clean_region(self):
        region = self.cleaned_data["region"]
        if self.programme_editable and region and not self.scope.can_create_in_region(region.code):
            raise forms.ValidationError(_("This region lies outside the area you coordinate."))
        return region

    def clean_cohort_year(self):
        year = self.cleaned_data.get("cohort_year")
        if year and not 2018 <= year <= timezone.now().year + 1:
            raise forms.ValidationError(_("Enter a year between 2018 and next year."))
        return year

    def clean_cover_photo(self):
        photo = self.cleaned_data.get("cover_photo")
        if photo and hasattr(photo, "content_type"):  # a new upload, not the stored file
            check_image(photo)
            return reencode_image(photo)
        return photo


class AssistanceForm(forms.ModelForm):
    class Meta:
        model = Assistance
        fields = ["kind", "description", "received_on", "provider"]
        widgets = {"received_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def clean_received_on(self):
        day = self.cleaned_data["received_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("This date is in the future."))
        return day


AssistanceFormSet = forms.inlineformset_factory(
    Library, Assistance, form=AssistanceForm, extra=1, can_delete=True
)


class LibraryFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False)
    region = forms.CharField(label=_("Region code"), required=False, max_length=13)
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False)
    cohort = forms.IntegerField(label=_("Cohort year"), required=False, min_value=2000)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        everything = [("", _("All"))]
        self.fields["kind"].choices = everything + list(Kind.choices)
        self.fields["status"].choices = everything + list(Status.choices)

    def apply(self, queryset):
        """The libraries matching the valid filters (invalid ones are ignored and shown)."""
        self.is_valid()
        data = self.cleaned_data
        queryset = queryset.search(data.get("q"))
        if data.get("region"):
            queryset = queryset.filter(region__code__inside=data["region"].strip())
        if data.get("kind"):
            queryset = queryset.filter(kind=data["kind"])
        if data.get("status"):
            queryset = queryset.filter(status=data["status"])
        if data.get("cohort"):
            queryset = queryset.filter(cohort_year=data["cohort"])
        return queryset
