from django import forms
from django.utils.translation import gettext_lazy as _

from . import kinds
from .models import Delivery


class EmailSettingsForm(forms.Form):
    delivery = forms.ChoiceField(
        label=_("How should notifications reach your e-mail?"),
        choices=Delivery.choices,
        widget=forms.RadioSelect,
    )
    emailed_kinds = forms.MultipleChoiceField(
        label=_("E-mail me about"),
        choices=kinds.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Everything stays in your inbox in Inklusi, whatever you choose here."),
    )

    @classmethod
    def for_settings(cls, email_settings, data=None):
        initial = {
            "delivery": email_settings.delivery,
            "emailed_kinds": [code for code in kinds.KINDS if email_settings.wants(code)],
        }
        return cls(data=data, initial=initial)

    def muted_kinds(self):
        return [code for code in kinds.KINDS if code not in self.cleaned_data["emailed_kinds"]]
