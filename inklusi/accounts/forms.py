from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from inklusi.libraries.models import Library
from inklusi.regions.forms import RegionField

from .models import Invitation, Role, User


class EmailLoginForm(AuthenticationForm):
    username = forms.EmailField(
        label=_("E-mail"),
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"}),
    )


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["full_name", "phone", "language"]
        widgets = {"phone": forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"})}


class InvitationForm(forms.ModelForm):
    region = RegionField(
        label=_("Region"),
        required=False,
        help_text=_("For coordinators, facilitators and viewers of a region."),
    )
    library = forms.ModelChoiceField(
        label=_("Library"),
        queryset=Library.objects.none(),
        required=False,
        help_text=_("For library managers, or a viewer of one library."),
    )

    class Meta:
        model = Invitation
        fields = ["email", "full_name", "role", "region", "library"]

    def __init__(self, *args, scope, **kwargs):
        super().__init__(*args, **kwargs)
        self.scope = scope
        self.fields["library"].queryset = scope.filter(
            Library.objects.select_related("region"), library_path="pk", for_edit=True
        ).order_by("name")
        if not scope.invite.everything:
            self.fields["role"].choices = [
                (value, label) for value, label in Role.choices if value != Role.NATIONAL_ADMIN
            ]

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        candidate = Invitation(
            role=data.get("role"), region=data.get("region"), library=data.get("library")
        )
        if not self.scope.may_invite_to(candidate):
            raise forms.ValidationError(
                _("You can only invite people to a region or library inside your own area.")
            )
        return data


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
