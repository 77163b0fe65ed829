from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .fields import RegionCodeField


class Level(models.IntegerChoices):
    PROVINCE = 1, _("Province")
    REGENCY = 2, _("Regency/city")
    DISTRICT = 3, _("District")
    VILLAGE = 4, _("Village")


def level_of(code):
    """The level a Kemendagri code sits at: `16` → 1, `16.71` → 2, `16.71.01.1001` → 4."""
    return code.count(".") + 1


# Length of a code at each level: 16, 16.71, 16.71.01, 16.71.01.1001.
CODE_LENGTH = {Level.PROVINCE: 2, Level.REGENCY: 5, Level.DISTRICT: 8, Level.VILLAGE: 13}


def parent_code(code):
    return code.rsplit(".", 1)[0] if "." in code else None


class RegionQuerySet(models.QuerySet):
    def inside(self, code):
        return self.filter(code__inside=code)

    def matching(self, text, levels=(Level.VILLAGE,), limit=15):
        """Type-ahead: regions whose name or whose parents' names contain every word typed.

        Regions whose own name starts with the first word come first, so "suka" lists
        Sukajadi before Talang Sukamaju; "sukajadi banyuasin" narrows to one regency.
        """
        words = text.lower().split()
        if not words:
            return []
        qs = self.filter(level__in=levels).select_related("parent__parent")
        for word in words:
            qs = qs.filter(search_text__contains=word)
        found = list(qs.filter(search_text__startswith=words[0]).order_by("name")[:limit])
        if len(found) < limit:
            seen = [r.code for r in found]
            found += list(qs.exclude(code__in=seen).order_by("name")[: limit - len(found)])
        return found


class Region(models.Model):
    """A province, regency/city, district or village, keyed by its Kemendagri code."""

    code = RegionCodeField(_("code"), primary_key=True)
    name = models.CharField(_("name"), max_length=100)
    level = models.PositiveSmallIntegerField(_("level"), choices=Level.choices, db_index=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    # Lower-case "name | district | regency | province", for the type-ahead.
    search_text = models.CharField(max_length=255, editable=False)

    objects = RegionQuerySet.as_manager()

    class Meta:
        ordering = ["code"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("regions:detail", args=[self.code])

    @property
    def kind_label(self):
        if self.level == Level.VILLAGE:
            return _("Kelurahan") if self.code.rsplit(".", 1)[1].startswith("1") else _("Village")
        return self.get_level_display()

    @property
    def context(self):
        """The district and regency that tell two villages of the same name apart."""
        names = []
        parent = self.parent
        while parent is not None and len(names) < 2:
            names.append(parent.name)
            parent = parent.parent if parent.level > Level.REGENCY else None
        return ", ".join(names)

    def ancestors(self):
        """From the province down to the parent, in one query."""
        codes = []
        code = parent_code(self.code)
        while code:
            codes.append(code)
            code = parent_code(code)
        return list(Region.objects.filter(code__in=codes).order_by("level"))

    def full_name(self):
        """Village, district, regency, province: what disambiguates a village name."""
        return ", ".join(r.name for r in [self, *reversed(self.ancestors())])

    def contains(self, code):
        return code == self.code or code.startswith(self.code + ".")
