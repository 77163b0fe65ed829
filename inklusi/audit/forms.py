from django import forms
from django.utils.translation import gettext_lazy as _

from inklusi.core.widgets import DATE_INPUT

from .queries import audited_models


class SearchForm(forms.Form):
    user = forms.CharField(label=_("Who"), required=False, max_length=100)
    model = forms.ChoiceField(label=_("Kind of record"), required=False)
    since = forms.DateField(label=_("From"), required=False, widget=DATE_INPUT)
    until = forms.DateField(label=_("Until"), required=False, widget=DATE_INPUT)
    text = forms.CharField(label=_("Text"), required=False, max_length=100)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["model"].choices = [("", _("All"))] + [
            (label, name.capitalize()) for label, name in audited_models()
        ]
