from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from inklusi.accounts.models import Role
from inklusi.core.documents import check_pdf_or_photo
from inklusi.core.images import reencode_image
from inklusi.core.widgets import DATE_INPUT, CheckedFileInput
from inklusi.libraries.models import Library
from inklusi.regions.forms import RegionField
from inklusi.regions.models import Level

from .models import Announcement
from .services import may_address


class AnnouncementForm(forms.ModelForm):
    region = RegionField(
        label=_("To the region"),
        required=False,
        levels=(Level.PROVINCE, Level.REGENCY, Level.DISTRICT, Level.VILLAGE),
    )
    audience_roles = forms.MultipleChoiceField(
        label=_("To the roles"),
        required=False,
        choices=[(r.value, r.label) for r in Role if r != Role.NATIONAL_ADMIN],
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None ticked: everyone in the region."),
    )
    cohort_year = forms.TypedChoiceField(
        label=_("Programme cohort"),
        required=False,
        coerce=int,
        empty_value=None,
        help_text=_("Only the people of libraries that joined in this cohort."),
    )

    class Meta:
        model = Announcement
        fields = [
            "title",
            "body",
            "region",
            "audience_roles",
            "cohort_year",
            "attachment",
            "pinned",
            "expires_on",
        ]
        widgets = {
            "body": forms.Textarea(attrs={"rows": 6}),
            "expires_on": DATE_INPUT,
            "attachment": CheckedFileInput(attrs={"accept": ".pdf,image/*"}),
        }
        help_texts = {"attachment": _("A PDF or a photo, at most 10 MB.")}

    def __init__(self, *args, scope, **kwargs):
        super().__init__(*args, **kwargs)
        self.scope = scope
        years = (
            Library.objects.exclude(cohort_year=None)
            .values_list("cohort_year", flat=True)
            .distinct()
            .order_by("cohort_year")
        )
        self.fields["cohort_year"].choices = [("", _("Every cohort"))] + [(y, y) for y in years]
        if scope.invites_nationally:
            self.fields["region"].help_text = _("Leave empty to address the whole country.")
        elif not self.is_bound:
            held = scope.held_region_codes()
            self.initial["region"] = held[0] if held else None

    def clean_region(self):
        region = self.cleaned_data["region"]
        if region is None and not self.scope.invites_nationally:
            raise forms.ValidationError(_("Pick the region whose people it is for."))
        if not may_address(self.scope, region):
            raise forms.ValidationError(_("You can address only the people of your own area."))
        return region

    def clean_attachment(self):
        upload = self.cleaned_data.get("attachment")
        if not isinstance(upload, UploadedFile):
            return upload
        if check_pdf_or_photo(upload) == "photo":
            upload = reencode_image(upload)  # without the photo's location and camera
        self.instance.attachment_name = upload.name.rsplit("/", 1)[-1][:150]
        return upload
