"""One wording for an empty required field, whether a form or a model check finds it."""

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import translation

from inklusi.core.wording import REQUIRED_FIELD_MESSAGES

REQUIRED = "Isian ini wajib diisi."


def _message(check):
    with pytest.raises(ValidationError) as raised:
        check()
    return raised.value.messages


@pytest.mark.parametrize(
    "check",
    [
        lambda: forms.CharField().clean(""),
        lambda: forms.ChoiceField(choices=[("a", "A")]).clean(""),
        lambda: models.CharField(max_length=5).clean("", None),
        lambda: models.IntegerField().clean(None, None),
    ],
    ids=["form field", "form choice", "model blank", "model null"],
)
def test_an_empty_required_field_says_isian_in_indonesian(check):
    with translation.override("id"):
        assert _message(check) == [REQUIRED]


def test_every_required_message_of_django_reads_the_same():
    with translation.override("id"):
        assert {translation.gettext(text) for text in REQUIRED_FIELD_MESSAGES} == {REQUIRED}
