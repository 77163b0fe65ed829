from django import forms
from django.utils.translation import gettext_lazy as _

from inklusi.core.widgets import SearchPicker

from .models import Level, Region


class RegionPicker(SearchPicker):
    """Pick a region by typing its name; its Kemendagri code is the value."""

    search_url_name = "regions:search"
    value_label = _("Region code")

    def __init__(self, levels=(Level.VILLAGE,), attrs=None):
        super().__init__(attrs)
        self.levels = levels

    def search_params(self):
        return {"level": [int(level) for level in self.levels]}

    def format_value(self, value):
        return value.code if isinstance(value, Region) else super().format_value(value)

    def chosen_label(self, code):
        if "\x00" in code:  # PostgreSQL refuses NUL in text; no region has it anyway
            return ""
        region = Region.objects.select_related("parent__parent").filter(code=code).first()
        return region.label_with_context if region else ""


class RegionField(forms.CharField):
    """A region given by its Kemendagri code; unknown codes get a clear message."""

    default_error_messages = {
        "unknown": _("There is no region with code %(code)s. Pick one from the list."),
        "level": _("%(code)s is a %(level)s (%(name)s); pick a %(levels)s."),
    }

    def __init__(self, levels=tuple(Level), **kwargs):
        self.levels = tuple(levels)
        kwargs.setdefault("widget", RegionPicker(levels=self.levels))
        super().__init__(**kwargs)

    def prepare_value(self, value):
        return value.code if isinstance(value, Region) else value

    def to_python(self, value):
        code = (super().to_python(value) or "").strip()
        if not code:
            return None
        region = None if "\x00" in code else Region.objects.filter(code=code).first()
        if region is None:
            raise forms.ValidationError(
                self.error_messages["unknown"], code="unknown", params={"code": code}
            )
        if region.level not in self.levels:
            levels = _(" or ").join(str(Level(level).label).lower() for level in self.levels)
            params = {
                "code": code,
                "name": region.name,
                "level": str(region.get_level_display()).lower(),
                "levels": levels,
            }
            raise forms.ValidationError(self.error_messages["level"], code="level", params=params)
        return region
