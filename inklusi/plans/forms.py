from django import forms
from django.db.models import Q
from django.db.models.fields import BLANK_CHOICE_DASH
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inklusi.activities.models import Activity
from inklusi.core.documents import check_pdf
from inklusi.core.fields import CountField, RupiahField
from inklusi.core.widgets import DATE_INPUT, CheckedFileInput
from inklusi.libraries.forms import LibraryChoiceField, ask_for_library
from inklusi.libraries.models import Library
from inklusi.partners.models import Partner

from . import common_activities
from .models import (
    FIRST_YEAR,
    LINE_SOURCES,
    MAX_QUANTITY,
    MIN_QUANTITY,
    BudgetLine,
    Decision,
    Need,
    Plan,
    PlanActivity,
    Section,
    Submission,
)
from .services import DUPLICATE


def _not_later_than_today(day):
    if day and day > timezone.localdate():
        raise forms.ValidationError(_("The date cannot be later than today."))
    return day


class QuantityField(forms.DecimalField):
    """A quantity, with a decimal comma or point: "2,5" or "2.5"."""

    widget = forms.TextInput

    def __init__(self, **kwargs):
        kwargs.update(
            max_digits=12, decimal_places=2, min_value=MIN_QUANTITY, max_value=MAX_QUANTITY
        )
        kwargs.setdefault(
            "error_messages", {"min_value": _("The quantity must be more than zero.")}
        )
        super().__init__(**kwargs)

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().replace("−", "-").replace(" ", "")
            if value.count(",") == 1 and "." not in value:
                value = value.replace(",", ".")
        return super().to_python(value)

    def widget_attrs(self, widget):
        return {"inputmode": "decimal", "autocomplete": "off"}


class StartForm(forms.Form):
    START_CHOICES = [
        ("template", _("From the template of common TPBIS activities")),
        ("previous", _("From last year's plan")),
        ("empty", _("Empty")),
    ]
    library = LibraryChoiceField(
        label=_("Library"),
        queryset=Library.objects.none(),
        error_messages={"invalid_choice": _("Pick a library inside your own area from the list.")},
    )
    year = forms.IntegerField(
        label=_("Year"), widget=forms.NumberInput(attrs={"inputmode": "numeric"})
    )
    start_from = forms.ChoiceField(
        label=_("Start"), choices=START_CHOICES, widget=forms.RadioSelect, initial="template"
    )
    template_keys = forms.MultipleChoiceField(
        label=_("Activities from the template"),
        choices=common_activities.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        initial=[key for key, _label in common_activities.choices()],
    )

    def __init__(self, *args, scope, **kwargs):
        super().__init__(*args, **kwargs)
        self.single_library = ask_for_library(self, scope)
        this_year = timezone.localdate().year
        self.max_year = this_year + 2
        self.fields["year"].initial = this_year + 1
        self.fields["year"].widget.attrs.update({"min": FIRST_YEAR, "max": self.max_year})

    def clean_year(self):
        year = self.cleaned_data["year"]
        if not FIRST_YEAR <= year <= self.max_year:
            raise forms.ValidationError(
                _("Enter a year between %(first)s and %(last)s.")
                % {"first": FIRST_YEAR, "last": self.max_year}
            )
        return year

    def clean(self):
        data = super().clean()
        library = self.single_library or data.get("library")
        year = data.get("year")
        if library and year and Plan.objects.filter(library=library, year=year).exists():
            self.add_error("year", DUPLICATE)
        if (
            library
            and year
            and data.get("start_from") == "previous"
            and not library.plans.filter(year__lt=year).exists()
        ):
            self.add_error("start_from", _("This library has no earlier plan to copy."))
        data["library"] = library
        return data


class PlanForm(forms.ModelForm):
    class Meta:
        model = Plan
        fields = ["background"]
        widgets = {"background": forms.Textarea(attrs={"rows": 6})}


class NeedForm(forms.ModelForm):
    class Meta:
        model = Need
        fields = ["problem", "need", "evidence_kind", "evidence"]
        widgets = {"need": forms.Textarea(attrs={"rows": 3})}


class TargetSizeField(CountField):
    limit = 1_000_000
    empty_is_zero = False  # how many people the activity is for must be said
    example = 30


class ActivityForm(forms.ModelForm):
    class Meta:
        model = PlanActivity
        fields = [
            "title",
            "description",
            "needs",
            "target_group",
            "target_size",
            "month",
            "person_in_charge",
            "partner",
            "other_partners",
            "expected_result",
            "measure",
        ]
        field_classes = {"target_size": TargetSizeField}
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "needs": forms.CheckboxSelectMultiple,
            "expected_result": forms.Textarea(attrs={"rows": 2}),
            "measure": forms.Textarea(attrs={"rows": 2}),
        }
        error_messages = {
            "needs": {"required": _("Pick the need this activity answers.")},
        }

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.plan = plan
        needs = self.fields["needs"]
        needs.queryset = plan.needs.all()
        needs.required = True
        needs.help_text = "" if plan.needs.exists() else _("Add the problems and needs first.")
        library = plan.library
        region_codes = [library.region_id[:end] for end in (2, 5, 8, 13)]
        self.fields["partner"].queryset = (
            Partner.objects.filter(Q(libraries=library) | Q(region_id__in=region_codes))
            .distinct()
            .order_by("name")
        )
        self.fields["partner"].help_text = _("Partners of the library recorded in Inklusi.")


class LineForm(forms.ModelForm):
    unit_price = RupiahField(label=_("Unit price (Rp)"))
    quantity = QuantityField(label=_("Quantity"))

    class Meta:
        model = BudgetLine
        fields = ["item", "quantity", "unit", "unit_price", "source"]
        error_messages = {"source": {"required": _("Choose who is asked to pay for this line.")}}

    def __init__(self, *args, activity, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.activity = activity
        self.fields["source"].choices = BLANK_CHOICE_DASH + LINE_SOURCES

    def clean_unit_price(self):
        price = self.cleaned_data["unit_price"]
        if not price:
            raise forms.ValidationError(_("Enter the unit price."))
        return price


class CommentForm(forms.Form):
    section = forms.ChoiceField(label=_("Section"), choices=Section.choices, initial="general")
    text = forms.CharField(
        label=_("Comment"), max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )


class ReviewForm(forms.Form):
    """The coordinator's verdict; the comment is required when changes are asked."""

    section = forms.ChoiceField(label=_("Section"), choices=Section.choices, initial="general")
    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class SubmissionForm(forms.ModelForm):
    class Meta:
        model = Submission
        fields = ["forum", "submitted_on", "addressed_to", "reference"]
        widgets = {"submitted_on": DATE_INPUT}

    def clean_submitted_on(self):
        return _not_later_than_today(self.cleaned_data["submitted_on"])


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            (Decision.APPROVED, Decision.APPROVED.label),
            (Decision.REJECTED, Decision.REJECTED.label),
        ],
        widget=forms.RadioSelect,
    )
    approved_amount = RupiahField(
        label=_("Approved amount (Rp)"), help_text=_("May be less than asked.")
    )
    decision_reference = forms.CharField(
        label=_("Decided in"),
        max_length=200,
        help_text=BudgetLine._meta.get_field("decision_reference").help_text,
    )
    decided_on = forms.DateField(label=_("Date of the decision"), widget=DATE_INPUT)
    decision_note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Required when more than asked was approved: say why."),
    )
    decision_document = forms.FileField(
        label=_("Document (PDF)"),
        required=False,
        widget=CheckedFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )

    def clean_decided_on(self):
        return _not_later_than_today(self.cleaned_data["decided_on"])

    def clean_decision_document(self):
        return check_pdf(
            self.cleaned_data.get("decision_document"),
            _("This file is not a PDF. Scan the document to PDF."),
        )

    @property
    def document_was_chosen(self):
        return "decision_document" in self.files


class RealisationForm(forms.Form):
    HELD_CHOICES = [("", _("Not yet known")), ("yes", _("Yes")), ("no", _("No"))]
    held = forms.ChoiceField(
        label=_("Was the activity held?"), choices=HELD_CHOICES, required=False
    )
    activity = forms.ModelChoiceField(
        label=_("Activity record"),
        queryset=Activity.objects.none(),
        required=False,
        help_text=_("The activity as recorded in Inklusi, if it was held."),
    )
    note = forms.CharField(
        label=_("Notes on the realisation"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, plan_activity, **kwargs):
        super().__init__(*args, **kwargs)
        plan = plan_activity.plan
        self.fields["activity"].queryset = Activity.objects.filter(
            Q(library_id=plan.library_id, starts_on__year__in=(plan.year - 1, plan.year))
            | Q(pk=plan_activity.activity_id)
        ).order_by("-starts_on")
        self.lines = [line for line in plan_activity.lines.all() if line.is_approved]
        for line in self.lines:
            self.fields[f"spent_{line.pk}"] = RupiahField(
                label=_("Spent on “%(item)s” (Rp)") % {"item": line.item}, required=False
            )
            if not self.is_bound:
                self.initial[f"spent_{line.pk}"] = line.spent_amount
        if not self.is_bound:
            held = plan_activity.held
            self.initial.update(
                held="" if held is None else ("yes" if held else "no"),
                activity=plan_activity.activity_id,
                note=plan_activity.realisation_note,
            )

    def spent(self):
        """{line: amount, or None when the box was left empty}."""
        result = {}
        for line in self.lines:
            raw = str(self.data.get(f"spent_{line.pk}", "")).strip()
            result[line] = self.cleaned_data[f"spent_{line.pk}"] if raw else None
        return result

    def held_value(self):
        return {"yes": True, "no": False}.get(self.cleaned_data["held"])

    def spent_fields(self):
        return [self[f"spent_{line.pk}"] for line in self.lines]


class FundingFilterForm(forms.Form):
    year = forms.IntegerField(
        label=_("Year"),
        required=False,
        min_value=FIRST_YEAR,
        max_value=2100,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )

    def year_or_default(self):
        if self.is_valid() and self.cleaned_data.get("year"):
            return self.cleaned_data["year"]
        return timezone.localdate().year
