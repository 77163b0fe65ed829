from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from inklusi.core.phones import normalize_whatsapp

from .models import User


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
        help_texts = {
            # UU PDP: say what the number is for, that it is optional and how to withdraw it.
            "phone": _(
                "Optional. Only people in the programme who work with you see it, to open a "
                "WhatsApp chat with you about reports, trainings and notifications; it never "
                "appears on public pages. Empty the field to withdraw it."
            )
        }

    def clean_phone(self):
        return normalize_whatsapp(self.cleaned_data["phone"])


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code from your authenticator app"),
        max_length=10,
        widget=forms.TextInput(
            attrs={
                "autofocus": True,
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "pattern": "[0-9 ]*",
            }
        ),
    )
