from django import forms
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _

from inklusi.accounts.models import ROLE_REGION_LEVELS, Invitation, Role, User
from inklusi.libraries.forms import LibraryChoiceField
from inklusi.libraries.models import Library
from inklusi.regions.forms import RegionField


class InvitationForm(forms.ModelForm):
    region = RegionField(
        label=_("Region"),
        required=False,
        help_text=_("For coordinators, facilitators and viewers of a region."),
    )
    library = LibraryChoiceField(
        label=_("Library"),
        queryset=Library.objects.none(),
        required=False,
        help_text=_("For library managers, or a viewer of one library."),
        error_messages={"invalid_choice": _("Pick a library inside your own area from the list.")},
    )

    class Meta:
        model = Invitation
        fields = ["email", "full_name", "role", "region", "library"]

    def __init__(self, *args, scope, **kwargs):
        super().__init__(*args, **kwargs)
        self.scope = scope
        # Only libraries the inviter may hand out: those inside a region they coordinate.
        self.fields["library"].queryset = (
            Library.objects.invitable_by(scope).select_related("region").order_by("name")
        )
        if not scope.invites_nationally:
            role = self.fields["role"]
            role.choices = [(v, label) for v, label in role.choices if v != Role.NATIONAL_ADMIN]
            role.error_messages["invalid_choice"] = _("You cannot give this role.")

    # Which roles each scope field serves: the page shows only the field the chosen role needs.
    REGION_ROLES = " ".join(role for role, levels in ROLE_REGION_LEVELS.items() if levels)
    LIBRARY_ROLES = " ".join([Role.LIBRARY_MANAGER, Role.VIEWER])

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean(self):
        data = super().clean()
        if any(name in self.errors for name in ("role", "region", "library")):
            return data
        candidate = Invitation(
            role=data.get("role"), region=data.get("region"), library=data.get("library")
        )
        if not self.scope.may_invite_to(candidate):
            field = "library" if candidate.library_id else "region" if candidate.region_id else None
            self.add_error(
                field, _("You can only invite people to a region or library inside your own area.")
            )
            return data
        holder = User.objects.filter(email__iexact=data.get("email") or "").first()
        if holder is not None and not holder.is_active:
            self.add_error(
                "email", _("This account is deactivated. Ask a national admin to reactivate it.")
            )
        elif (
            holder is not None
            and holder.roles.filter(
                role=candidate.role, region=candidate.region, library=candidate.library
            ).exists()
        ):
            self.add_error("email", _("This person already holds this role."))
        return data

    def _update_errors(self, errors):
        # The model's role rule speaks only about fields that have no message yet, so each
        # field shows one clear message.
        if hasattr(errors, "error_dict"):
            for name in [name for name in errors.error_dict if name in self._errors]:
                del errors.error_dict[name]
            if not errors.error_dict:
                return
        super()._update_errors(errors)


class AcceptInvitationForm(forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=150)
    password1 = forms.CharField(
        label=_("Password"), widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )
    password2 = forms.CharField(
        label=_("Password again"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, email, **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email

    def clean(self):
        data = super().clean()
        if data.get("password1") and data.get("password1") != data.get("password2"):
            self.add_error("password2", _("The two passwords differ."))
        elif data.get("password1"):
            user = User(email=self.email, full_name=data.get("full_name", ""))
            try:
                password_validation.validate_password(data["password1"], user)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return data
