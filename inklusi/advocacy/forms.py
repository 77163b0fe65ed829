from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.db.models.fields import BLANK_CHOICE_DASH
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inklusi.core.fields import RupiahField
from inklusi.core.funding import FundingSource
from inklusi.core.widgets import DATE_INPUT
from inklusi.libraries.forms import LibraryChoiceField, ask_for_library
from inklusi.libraries.models import Library
from inklusi.plans.models import BudgetLine
from inklusi.regions.forms import RegionField
from inklusi.regions.models import Region

from .models import AdvocacyMeeting, CounterpartKind

MAX_ASK_LENGTH = 1500


class MeetingForm(forms.ModelForm):
    library = LibraryChoiceField(
        label=_("Library"),
        required=False,
        queryset=Library.objects.none(),
        error_messages={"invalid_choice": _("Pick a library inside your own area from the list.")},
    )
    region = RegionField(
        label=_("Region"),
        required=False,
        help_text=_("For a meeting about a whole regency, district or village."),
    )

    class Meta:
        model = AdvocacyMeeting
        fields = [
            "library",
            "region",
            "met_on",
            "counterpart_kind",
            "counterpart_name",
            "attendees",
            "topic",
            "asked",
            "asked_amount",
            "budget_line",
            "committed",
            "committed_amount",
            "commitment_source",
            "follow_up_on",
        ]
        field_classes = {"asked_amount": RupiahField, "committed_amount": RupiahField}
        widgets = {
            "met_on": DATE_INPUT,
            "follow_up_on": DATE_INPUT,
            "attendees": forms.Textarea(attrs={"rows": 3}),
            "asked": forms.Textarea(attrs={"rows": 3}),
            "committed": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, scope, **kwargs):
        super().__init__(*args, **kwargs)
        self.scope = scope
        self.single_library = ask_for_library(self, scope)
        if self.single_library:  # a manager of one library: the meeting is about it
            del self.fields["region"]
        self.fields["budget_line"].queryset = budget_lines_to_ask_for(scope)
        self.fields["budget_line"].label_from_instance = budget_line_label
        self.fields["commitment_source"].choices = BLANK_CHOICE_DASH + [
            choice for choice in FundingSource.choices if choice[0] != FundingSource.NONE
        ]
        today = timezone.localdate().isoformat()
        self.fields["met_on"].widget.attrs["max"] = today
        if not self.instance.pk:
            self.fields["follow_up_on"].widget.attrs["min"] = today
            self.initial.setdefault("met_on", timezone.localdate())

    def clean(self):
        data = super().clean()
        if self.single_library:
            self.instance.library, self.instance.region = self.single_library, None
        elif "library" not in self.errors and "region" not in self.errors:
            library, region = data.get("library"), data.get("region")
            if bool(library) == bool(region):
                self.add_error(
                    "library",
                    _("Pick either the library or the region the meeting was about, not both.")
                    if library
                    else _("Pick the library or the region the meeting was about."),
                )
            elif region and not self.scope.edits_region(region.code):
                self.add_error("region", _("This region lies outside the area you coordinate."))
        line = data.get("budget_line")
        subject = self.single_library or data.get("library") or data.get("region")
        if line and subject and not line_belongs_to(line, subject):
            self.add_error("budget_line", _("This line belongs to another library's work plan."))
        if not self.instance.pk or "follow_up_on" in self.changed_data:
            try:
                self.instance.follow_up_on = data.get("follow_up_on")
                self.instance.check_new_follow_up()
            except ValidationError as error:
                self.add_error(None, error)
        return data


def budget_lines_to_ask_for(scope):
    """Lines of the work plans of this year and the next few that the user edits."""
    return (
        BudgetLine.objects.editable_by(scope)
        .filter(activity__plan__year__gte=timezone.localdate().year - 1)
        .select_related("activity__plan__library")
        .order_by("-activity__plan__year", "activity__plan__library__name", "pk")
    )


def budget_line_label(line):
    plan = line.activity.plan
    return f"{plan.library.name} · {plan.year} · {line.activity.title} · {line.item}"


def line_belongs_to(line, subject):
    """A line fits a meeting about its own library, or about a region holding that library."""
    library = line.activity.plan.library
    if isinstance(subject, Region):
        return subject.contains(library.region_id)
    return library.pk == subject.pk


class FollowUpForm(forms.Form):
    outcome = forms.CharField(
        label=_("What came of the follow-up"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class MeetingFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("Topic, institution…")}),
    )
    counterpart_kind = forms.ChoiceField(label=_("Met with"), required=False)
    follow_up = forms.ChoiceField(
        label=_("Follow-up"),
        required=False,
        choices=[
            ("", _("All")),
            ("overdue", _("Overdue")),
            ("open", _("Still open")),
            ("done", _("Done")),
        ],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["counterpart_kind"].choices = [("", _("All"))] + list(CounterpartKind.choices)

    def apply(self, meetings):
        self.is_valid()
        data = self.cleaned_data
        text = (data.get("q") or "").strip()
        if text:
            meetings = meetings.filter(
                Q(topic__icontains=text)
                | Q(counterpart_name__icontains=text)
                | Q(library__name__icontains=text)
                | Q(region__name__icontains=text)
            )
        if data.get("counterpart_kind"):
            meetings = meetings.filter(counterpart_kind=data["counterpart_kind"])
        follow_up = data.get("follow_up")
        if follow_up == "overdue":
            meetings = meetings.overdue()
        elif follow_up == "open":
            meetings = meetings.open_follow_ups()
        elif follow_up == "done":
            meetings = meetings.filter(follow_up_done=True)
        return meetings


class BriefForm(forms.Form):
    ask = forms.CharField(
        label=_("The ask"),
        required=False,
        max_length=MAX_ASK_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What you will ask for at the meeting; printed at the end of the brief."),
    )
