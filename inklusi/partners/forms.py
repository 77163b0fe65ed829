import datetime

from django import forms
from django.db.models import Q
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from inklusi.activities.models import Activity
from inklusi.core.documents import MAX_DOCUMENT_BYTES, check_pdf
from inklusi.core.fields import RupiahField
from inklusi.core.widgets import DATE_INPUT, CheckedFileInput
from inklusi.libraries.forms import LibraryChoiceField, ask_for_library
from inklusi.libraries.models import Library
from inklusi.regions.forms import RegionField

from .models import (
    Agreement,
    Contribution,
    Partner,
    PartnerContact,
    PartnerKind,
)
from .names import close_matches

# Activities older than this are not offered when recording a contribution.
ACTIVITY_YEARS = 3


class PartnerForm(forms.ModelForm):
    region = RegionField(label=_("Region"), required=False)
    library = LibraryChoiceField(
        label=_("Library it works with"),
        required=False,
        queryset=Library.objects.none(),
        help_text=_("You can add more libraries on the partner's page."),
        error_messages={"invalid_choice": _("Pick a library inside your own area from the list.")},
    )
    create_anyway = forms.BooleanField(
        label=_("This is a different partner: create it anyway"), required=False
    )

    class Meta:
        model = Partner
        fields = ["name", "kind", "sector", "region", "address", "website", "notes"]
        widgets = {
            "notes": forms.Textarea(attrs={"rows": 3}),
            "website": forms.URLInput(attrs={"placeholder": "https://", "inputmode": "url"}),
        }

    def __init__(self, *args, scope, **kwargs):
        super().__init__(*args, **kwargs)
        self.scope = scope
        self.duplicates = []
        self.single_library = None
        if self.instance.pk:
            del self.fields["library"], self.fields["create_anyway"]
            return
        self.single_library = ask_for_library(self, scope)

    def clean_name(self):
        return " ".join(self.cleaned_data["name"].split())

    def clean(self):
        data = super().clean()
        library = self.single_library or data.get("library")
        region = data.get("region")
        stays_in_scope = (
            library is not None
            or (self.instance.pk and self.instance.libraries.exists())
            or (region is not None and self.scope.edits_region(region.code))
        )
        if not stays_in_scope and "region" not in self.errors and "library" not in self.errors:
            self.add_error(
                "region" if region else None,
                _("Pick a library you work with, or a region inside your area."),
            )
        if not self.instance.pk and data.get("name") and not data.get("create_anyway"):
            self.duplicates = close_matches(data["name"], Partner.objects.visible_to(self.scope))
            if self.duplicates:
                self.add_error(
                    "create_anyway",
                    _("Tick this box if it is a different partner."),
                )
        data["library"] = library
        return data

    def save(self, user=None):
        is_new = self.instance.pk is None
        if is_new:
            self.instance.created_by = user
        partner = super().save()
        if is_new and self.cleaned_data.get("library"):
            partner.libraries.add(self.cleaned_data["library"])
        return partner


class ContactForm(forms.ModelForm):
    class Meta:
        model = PartnerContact
        fields = ["name", "position", "phone", "email"]
        widgets = {"phone": forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "off"})}


ContactFormSet = forms.inlineformset_factory(
    Partner, PartnerContact, form=ContactForm, extra=1, can_delete=True
)


class LibraryLinkForm(forms.Form):
    library = LibraryChoiceField(
        label=_("Library"),
        queryset=Library.objects.none(),
        error_messages={"invalid_choice": _("Pick a library inside your own area from the list.")},
    )

    def __init__(self, *args, scope, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["library"].queryset = Library.objects.editable_by(scope)


class PartnerLibraryChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, library):
        return f"{library.name} — {library.region.label}"


class ActivityChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, activity):
        return f"{date_format(activity.starts_on, 'j M Y')} · {activity.title} ({activity.library})"


class ContributionForm(forms.ModelForm):
    class Meta:
        model = Contribution
        fields = ["library", "kind", "description", "value", "is_estimate", "given_on", "activity"]
        field_classes = {
            "library": PartnerLibraryChoiceField,
            "value": RupiahField,
            "activity": ActivityChoiceField,
        }
        widgets = {"given_on": DATE_INPUT}
        help_texts = {"value": _("Whole Rupiah, for example 1.500.000.")}

    def __init__(self, *args, partner, scope, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.partner = partner
        libraries = (
            Library.objects.editable_by(scope).filter(partners=partner).select_related("region")
        )
        self.fields["library"].queryset = libraries
        if len(libraries) == 1 and not self.instance.pk:
            self.initial.setdefault("library", libraries[0].pk)
        since = timezone.localdate() - datetime.timedelta(days=365 * ACTIVITY_YEARS)
        self.fields["activity"].queryset = (
            Activity.objects.filter(library__in=libraries)
            .filter(Q(starts_on__gte=since) | Q(pk=self.instance.activity_id))
            .select_related("library")
        )
        self.fields["activity"].empty_label = _("(none)")
        self.fields["given_on"].widget.attrs["max"] = timezone.localdate().isoformat()
        self.has_libraries = bool(libraries)


class AgreementForm(forms.ModelForm):
    class Meta:
        model = Agreement
        fields = [
            "kind",
            "title",
            "parties",
            "library",
            "scope",
            "starts_on",
            "ends_on",
            "status",
            "document",
        ]
        field_classes = {"library": PartnerLibraryChoiceField}
        widgets = {
            "starts_on": DATE_INPUT,
            "ends_on": DATE_INPUT,
            "scope": forms.Textarea(attrs={"rows": 3}),
            "document": CheckedFileInput(attrs={"accept": "application/pdf,.pdf"}),
        }

    def __init__(self, *args, partner, scope, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.partner = partner
        self.fields["library"].queryset = (
            partner.libraries.editable_by(scope).select_related("region").order_by("name")
        )
        self.fields["library"].empty_label = _("(all the partner's libraries)")
        if self.instance.document:
            self.fields["document"].widget.link = reverse(
                "partners:agreement_document", args=[self.instance.pk]
            )

    def clean_document(self):
        return check_pdf(
            self.cleaned_data.get("document"),
            _("This file is not a PDF. Scan the signed agreement to PDF."),
        )

    @property
    def document_was_chosen(self):
        """Browsers cannot keep a chosen file in a re-shown form: it must be chosen again."""
        return "document" in self.files

    @property
    def document_limit(self):
        return filesizeformat(MAX_DOCUMENT_BYTES)


class PartnerFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("Name or sector…")}),
    )
    kind = forms.ChoiceField(label=_("Type"), required=False)
    place = forms.CharField(
        label=_("Region"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"placeholder": _("Village, regency…")}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("All"))] + list(PartnerKind.choices)

    def apply(self, partners):
        """The partners matching the valid filters (invalid ones are ignored and shown)."""
        self.is_valid()
        data = self.cleaned_data
        partners = partners.search(data.get("q"))
        if data.get("kind"):
            partners = partners.filter(kind=data["kind"])
        place = (data.get("place") or "").strip().lower()
        if place:
            partners = partners.filter(
                pk__in=Partner.objects.filter(
                    Q(region__search_text__contains=place)
                    | Q(libraries__region__search_text__contains=place)
                ).values("pk")
            )
        return partners
