"""The list filters of the API (region code, library, month): a Django form, so a malformed
filter is a 400 that says which parameter is wrong and why."""

from django import forms
from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import ValidationError

from inklusi.reports.forms import MonthField

CODE_PATTERN = r"^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$"


class ListFilters(forms.Form):
    region = forms.RegexField(
        regex=CODE_PATTERN,
        required=False,
        error_messages={"invalid": _("Write a region code such as 16 or 16.07.")},
    )
    library = forms.IntegerField(required=False, min_value=1, max_value=2**31 - 1)
    month = MonthField(required=False)


def apply_filters(params, queryset, *, region_path, library_path=None, month_path=None):
    """`queryset` narrowed by the valid filters of `params`; ValidationError (400) otherwise.
    A path that is None means the list has no such filter."""
    form = ListFilters(params)
    if not form.is_valid():
        raise ValidationError(form.errors)
    data = form.cleaned_data
    if data["region"]:
        queryset = queryset.filter(**{f"{region_path}__inside": data["region"]})
    if data["library"] and library_path:
        queryset = queryset.filter(**{library_path: data["library"]})
    if data["month"] and month_path:
        month = data["month"]
        queryset = queryset.filter(
            **{f"{month_path}__year": month.year, f"{month_path}__month": month.month}
        )
    return queryset
