from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inklusi.core.funding import FundingSource
from inklusi.libraries.forms import LibraryChoiceField
from inklusi.libraries.models import Library
from inklusi.partners.forms import DATE_INPUT, AmountField, editable_libraries
from inklusi.regions.forms import RegionField

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
            "work_plan_line",
            "committed",
            "committed_amount",
            "commitment_source",
            "follow_up_on",
        ]
        field_classes = {"asked_amount": AmountField, "committed_amount": AmountField}
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
        self.single_library = None
        libraries = editable_libraries(scope)
        edit = scope.edit
        if not edit.everything and not edit.region_codes and len(edit.library_ids) == 1:
            # A manager of one library: the meeting is about it.
            self.single_library = libraries.first()
            del self.fields["library"], self.fields["region"]
        else:
            self.fields["library"].queryset = libraries.select_related("region")
        self.fields["commitment_source"].choices = [("", "—")] + [
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
            elif region and not self.scope.can_create_in_region(region.code):
                self.add_error("region", _("This region lies outside the area you coordinate."))
        if not self.instance.pk or "follow_up_on" in self.changed_data:
            try:
                self.instance.follow_up_on = data.get("follow_up_on")
                self.instance.check_new_follow_up()
            except ValidationError as error:
                self.add_error(None, error)
        return data


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
