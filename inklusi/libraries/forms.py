import re
from decimal import ROUND_HALF_UP, Decimal

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inklusi.core.images import check_image, reencode_image
from inklusi.core.widgets import SearchPicker
from inklusi.regions.forms import RegionField
from inklusi.regions.models import Level

from .models import Assistance, Kind, Library, Status

# Fields only a coordinator changes: where the library is and its place in the programme.
PROGRAMME_FIELDS = ("kind", "region", "status", "cohort_year", "joined_on")
# The literacy index (IPLM) elements of the profile.
IPLM_FIELDS = ("collection_titles", "collection_copies", "staff", "trained_staff")

NPP_TAKEN = _("Another library already has this NPP.")

# "-2.976074, 104.775431" as a map app copies it, pasted whole into the latitude box.
COORDINATE_PAIR = re.compile(r"^\s*([-−]?\d+\.\d+)\s*[,;\s]\s*([-−]?\d+\.\d+)\s*$")


class CoordinateField(forms.DecimalField):
    """A latitude or longitude as people type it: a decimal comma or a typographic minus is
    fine, and digits past the sixth decimal (about 10 cm) are rounded, not refused."""

    widget = forms.TextInput

    def __init__(self, **kwargs):
        kwargs.update(max_digits=9, decimal_places=6)
        super().__init__(**kwargs)

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().replace("−", "-").replace(" ", "")
            if "," in value and "." not in value and value.count(",") == 1:
                value = value.replace(",", ".")
        number = super().to_python(value)
        if number is None:
            return None
        return number.quantize(Decimal("0.000001"), rounding=ROUND_HALF_UP)

    def widget_attrs(self, widget):
        # Not type=number: a browser sends an empty value for text it cannot read, and phone
        # number pads often lack the minus sign every latitude south of the equator needs.
        return {"autocomplete": "off", "spellcheck": "false"}


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
            "joined_on",
            "description",
            "collection_titles",
            "collection_copies",
            "staff",
            "trained_staff",
            "cover_photo",
        ]
        field_classes = {"latitude": CoordinateField, "longitude": CoordinateField}
        widgets = {
            "opening_hours": forms.Textarea(attrs={"rows": 3}),
            "description": forms.Textarea(attrs={"rows": 4}),
            "whatsapp": forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
            "npp": forms.TextInput(attrs={"autocomplete": "off"}),
            "cohort_year": forms.NumberInput(attrs={"inputmode": "numeric"}),
            "joined_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "cover_photo": forms.ClearableFileInput(attrs={"accept": "image/*"}),
            **{name: forms.NumberInput(attrs={"inputmode": "numeric"}) for name in IPLM_FIELDS},
        }
        help_texts = {
            "latitude": _("South of the equator the latitude is negative, e.g. -2.976074."),
            "longitude": _("For example 104.775431."),
            "whatsapp": _("For example 0812 3456 7890."),
            "npp": _("Leave empty if the library has no NPP yet."),
        }
        error_messages = {
            "npp": {"unique": NPP_TAKEN},
        }

    def __init__(self, data=None, *args, scope, **kwargs):
        super().__init__(_split_coordinate_pair(data, kwargs.get("prefix")), *args, **kwargs)
        self.scope = scope
        self.programme_editable = scope.can_create_libraries
        if not self.programme_editable:
            for name in PROGRAMME_FIELDS:
                field = self.fields[name]
                # Shown for information: no "required" mark, no "type here" help.
                field.disabled, field.required, field.help_text = True, False, ""
        self.fields["cohort_year"].widget.attrs.update(
            {"min": 2018, "max": timezone.now().year + 1}
        )

    def clean_region(self):
        region = self.cleaned_data["region"]
        if self.programme_editable and region and not self.scope.edits_region(region.code):
            raise forms.ValidationError(_("This region lies outside the area you coordinate."))
        return region

    def clean(self):
        cleaned = super().clean()
        staff, trained = cleaned.get("staff"), cleaned.get("trained_staff")
        if staff is not None and trained is not None and trained > staff:
            self.add_error("trained_staff", _("This cannot be more than all staff."))
        titles, copies = cleaned.get("collection_titles"), cleaned.get("collection_copies")
        if titles is not None and copies is not None and titles > copies:
            self.add_error("collection_copies", _("Each title has at least one copy."))
        return cleaned

    def clean_cover_photo(self):
        photo = self.cleaned_data.get("cover_photo")
        if isinstance(photo, UploadedFile):  # a new upload, not the stored file or "clear"
            check_image(photo)
            photo = reencode_image(photo)
        return photo

    @property
    def photo_limit(self):
        return filesizeformat(settings.MAX_IMAGE_UPLOAD_BYTES)

    @property
    def photo_was_chosen(self):
        """A file browsers cannot keep for a re-shown form: the person must choose it again."""
        return self.prefix is None and "cover_photo" in self.files


def _split_coordinate_pair(data, prefix):
    """A pair pasted whole into either coordinate box fills both boxes."""
    if data is None:
        return data
    names = [f"{prefix}-{n}" if prefix else n for n in ("latitude", "longitude")]
    for name in names:
        match = COORDINATE_PAIR.match(data.get(name) or "")
        if match:
            data = data.copy()
            data[names[0]], data[names[1]] = match.groups()
            break
    return data


class AssistanceForm(forms.ModelForm):
    class Meta:
        model = Assistance
        fields = ["kind", "description", "received_on", "provider"]
        widgets = {"received_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def clean_received_on(self):
        day = self.cleaned_data["received_on"]
        if day and day > timezone.localdate():
            raise forms.ValidationError(_("The date cannot be later than today."))
        return day


AssistanceFormSet = forms.inlineformset_factory(
    Library, Assistance, form=AssistanceForm, extra=1, can_delete=True
)


class LibraryPicker(SearchPicker):
    """Pick a library by typing its name; its id is the value."""

    search_url_name = "libraries:search"
    value_label = _("Inklusi library ID")
    # Only the field's own choices are named back: a posted id of a library the user may not
    # pick shows no name.
    queryset = Library.objects.none()

    def chosen_label(self, pk):
        library = (
            self.queryset.select_related("region").filter(pk=pk).first() if pk.isdigit() else None
        )
        return f"{library.name} — {library.region.label}" if library else ""


class LibraryChoiceField(forms.ModelChoiceField):
    widget = LibraryPicker

    def _set_queryset(self, queryset):
        super()._set_queryset(queryset)
        self.widget.queryset = self.queryset

    queryset = property(forms.ModelChoiceField._get_queryset, _set_queryset)


def ask_for_library(form, scope, name="library"):
    """Offer in the form's library field the libraries the user edits. A manager of one
    library is not asked: the field goes and that library is returned (else None)."""
    libraries = Library.objects.editable_by(scope)
    if scope.single_library_id is not None:
        del form.fields[name]
        return libraries.get(pk=scope.single_library_id)
    form.fields[name].queryset = libraries.select_related("region")
    return None


class LibraryFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("Name, NPP, village…")}),
    )
    region = RegionField(
        label=_("Region"),
        required=False,
        levels=(Level.PROVINCE, Level.REGENCY, Level.DISTRICT, Level.VILLAGE),
    )
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False)
    cohort = forms.IntegerField(
        label=_("Cohort year"),
        required=False,
        min_value=2000,
        max_value=2100,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "placeholder": "2020"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        everything = [("", _("All"))]
        self.fields["kind"].choices = everything + list(Kind.choices)
        self.fields["status"].choices = everything + list(Status.choices)

    @property
    def is_active(self):
        """Whether any filter was given (the search box aside)."""
        return any(self.data.get(name) for name in ("region", "kind", "status", "cohort"))

    def apply(self, queryset):
        """The libraries matching the valid filters (invalid ones are ignored and shown)."""
        self.is_valid()
        data = self.cleaned_data
        queryset = queryset.search(data.get("q"))
        if data.get("region"):
            queryset = queryset.filter(region__code__inside=data["region"].code)
        if data.get("kind"):
            queryset = queryset.filter(kind=data["kind"])
        if data.get("status"):
            queryset = queryset.filter(status=data["status"])
        if data.get("cohort"):
            queryset = queryset.filter(cohort_year=data["cohort"])
        return queryset
