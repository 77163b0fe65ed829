from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from inklusi.core.fields import CountField
from inklusi.core.months import first_of_month, previous_month
from inklusi.core.offline import OfflineFormMixin
from inklusi.libraries.forms import LibraryChoiceField
from inklusi.libraries.models import Library
from inklusi.regions.forms import RegionField
from inklusi.regions.models import Level

from .models import DUPLICATE, FIGURE_FIELDS, MonthlyReport


class MonthField(forms.DateField):
    """A month as <input type="month"> sends it (YYYY-MM); the first day of that month."""

    input_formats = ["%Y-%m"]
    default_error_messages = {"invalid": _("Pick a month, for example 2025-03.")}

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "widget",
            forms.DateInput(format="%Y-%m", attrs={"type": "month", "placeholder": "YYYY-MM"}),
        )
        super().__init__(**kwargs)

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip()[:20]
        return super().to_python(value)


# What a wrong entry is told a figure looks like: a village library's usual month.
FIGURE_EXAMPLES = {
    "open_days": 22,
    "visitors_female": 180,
    "visitors_male": 150,
    "new_members": 12,
    "total_members": 450,
    "loans": 300,
    "computer_users": 40,
    "internet_users": 60,
}


class ReportForm(OfflineFormMixin, forms.ModelForm):
    """The month's figures. A new report also names its library and month; an edit keeps
    them. Figures far above the library's usual need the `confirm` box ticked."""

    library = LibraryChoiceField(label=_("Library"), queryset=Library.objects.none())
    month = MonthField(label=_("Month"))
    confirm = forms.BooleanField(label=_("Yes, these figures are correct"), required=False)

    class Meta:
        model = MonthlyReport
        fields = ["library", "month", *FIGURE_FIELDS, "notes"]
        field_classes = dict.fromkeys(FIGURE_FIELDS, CountField)
        labels = {
            "open_days": _("Days open"),
            "visitors_female": _("Visitors: women"),
            "visitors_male": _("Visitors: men"),
            "new_members": _("New members"),
            "total_members": _("Members in total"),
            "loans": _("Books lent"),
            "computer_users": _("Computer users"),
            "internet_users": _("Internet users"),
        }
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}
        error_messages = {NON_FIELD_ERRORS: {"unique_together": DUPLICATE}}

    def __init__(self, *args, libraries=None, **kwargs):
        """`libraries`: those the user may file for (a new report only)."""
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            del self.fields["library"], self.fields["month"]
        else:
            self.fields["library"].queryset = libraries
        for name, example in FIGURE_EXAMPLES.items():
            self.fields[name].example = example
        if not self.instance.pk:
            for name in FIGURE_FIELDS:
                self.initial[name] = None  # an empty box to type in, not a 0 to delete first

    @cached_property
    def unusual_figures(self):
        """(label, value, usual) of the figures to confirm; only once is_valid() is True."""
        return [
            (self.fields[name].label, value, usual)
            for name, value, usual in self.instance.unusual_figures()
        ]

    def needs_confirmation(self):
        return bool(self.unusual_figures) and not self.cleaned_data.get("confirm")


class ReportFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Library or region"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("Name, village…")}),
    )
    month = MonthField(label=_("Month"), required=False)

    def apply(self, reports):
        """The reports matching the valid filters (invalid ones are ignored and shown)."""
        self.is_valid()
        data = self.cleaned_data
        if data.get("q"):
            reports = reports.filter(library__in=Library.objects.search(data["q"]))
        if data.get("month"):
            reports = reports.filter(month=data["month"])
        return reports


class ComplianceForm(forms.Form):
    month = MonthField(label=_("Month"), required=False)
    region = RegionField(
        label=_("Region"),
        required=False,
        levels=(Level.PROVINCE, Level.REGENCY, Level.DISTRICT),
    )
    missing = forms.BooleanField(label=_("Only libraries that have not reported"), required=False)

    def __init__(self, data, *, scope):
        if not data.get("month", "").strip():  # the month shown is the month counted
            data = data.copy()
            data["month"] = f"{previous_month():%Y-%m}"
        super().__init__(data)
        self.scope = scope
        self.is_valid()

    def clean_month(self):
        month = self.cleaned_data["month"] or previous_month()
        if month > first_of_month(timezone.localdate()):
            raise forms.ValidationError(_("That month has not begun yet."))
        return month

    def clean_region(self):
        region = self.cleaned_data.get("region")
        if region and not self.scope.sees_region(region.code):
            raise forms.ValidationError(_("This region lies outside your area."))
        return region

    @property
    def chosen_month(self):
        return self.cleaned_data.get("month") or previous_month()

    @property
    def chosen_region(self):
        return self.cleaned_data.get("region")

    @property
    def only_missing(self):
        return bool(self.cleaned_data.get("missing"))
