from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from inklusi.core.phones import normalize_whatsapp

from .models import OUTCOMES, Livelihood, Response, Scale

HONEYPOT = "website"


class AnswerForm(forms.ModelForm):
    """The survey: at most five questions (the four outcomes count as one block, what next,
    and for livelihood activities money or business), then the optional follow-up contact."""

    whatsapp = forms.CharField(label=_("WhatsApp number"), max_length=30, required=False)
    email = forms.EmailField(label=_("or e-mail"), required=False)
    consent = forms.BooleanField(
        label=_(
            "I agree that the library contacts me once, in 30 to 90 days, for one question. "
            "My number or e-mail is deleted after that."
        ),
        required=False,
    )

    class Meta:
        model = Response
        fields = [*OUTCOMES, "next_step", "livelihood"]
        widgets = {
            **{name: forms.RadioSelect for name in OUTCOMES},
            "next_step": forms.Textarea(attrs={"rows": 3, "maxlength": 500}),
            "livelihood": forms.RadioSelect,
        }

    def __init__(self, *args, livelihood=False, honeypot=True, **kwargs):
        super().__init__(*args, **kwargs)
        for name in OUTCOMES:
            self.fields[name].choices = Scale.choices
        if livelihood:
            self.fields["livelihood"].choices = Livelihood.choices
            self.fields["livelihood"].required = True
        else:
            del self.fields["livelihood"]
        if honeypot:
            self.fields[HONEYPOT] = forms.CharField(
                label=_("Leave this empty"), required=False, max_length=200
            )

    def clean_whatsapp(self):
        return normalize_whatsapp(self.cleaned_data["whatsapp"])

    def clean(self):
        data = super().clean()
        if (data.get("whatsapp") or data.get("email")) and not data.get("consent"):
            raise ValidationError(
                _("Tick the box if we may contact you, or leave the number and e-mail empty.")
            )
        return data

    @property
    def is_bot(self):
        return bool(self.data.get(HONEYPOT))

    def answers(self):
        return {
            name: self.cleaned_data.get(name, "") for name in (*OUTCOMES, "next_step", "livelihood")
        }

    def contact(self):
        if not self.cleaned_data.get("consent"):
            return None
        return {
            "whatsapp": self.cleaned_data.get("whatsapp", ""),
            "email": self.cleaned_data.get("email", ""),
        }


class FollowUpForm(forms.Form):
    applied = forms.TypedChoiceField(
        label=_("Did you put what you learned into practice?"),
        choices=[("1", _("Yes")), ("0", _("Not yet"))],
        coerce=lambda value: value == "1",
        widget=forms.RadioSelect,
    )
