from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from inklusi.core.scoping import ScopedQuerySet, ScopePaths

from .fields import RegionCodeField, SearchTextField


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


# The type-ahead ignores words beyond these limits (a phone keyboard never needs more).
MAX_WORDS = 5
MAX_WORD_LENGTH = 40


def parent_code(code):
    return code.rsplit(".", 1)[0] if "." in code else None


def search_text_of(code, names):
    """What the type-ahead searches: "name | district | regency | province", lower case.

    `names` maps codes to names and must hold the code and all its ancestors."""
    lineage = []
    while code:
        lineage.append(names[code])
        code = parent_code(code)
    return " | ".join(lineage).lower()[:255]


class RegionQuerySet(ScopedQuerySet):
    def inside(self, code):
        return self.filter(code__inside=code)

    def refresh_search_text(self):
        """Recompute `search_text` for these regions (after a rename, or in test data)."""
        regions = list(self)
        codes = set()
        for region in regions:
            code = region.code
            while code:
                codes.add(code)
                code = parent_code(code)
        names = dict(Region.objects.filter(code__in=codes).values_list("code", "name"))
        for region in regions:
            region.search_text = search_text_of(region.code, names)
        Region.objects.bulk_update(regions, ["search_text"], batch_size=2000)
        return len(regions)

    def matching(self, text, levels=(Level.VILLAGE,), limit=15):
        """Type-ahead: regions whose name or whose parents' names contain every word typed.

        Regions whose own name starts with the first word come first, so "suka" lists
        Sukajadi before Talang Sukamaju; "sukajadi banyuasin" narrows to one regency.
        The first step reads an index; the second, run only when the first finds fewer than
        `limit`, scans `search_text` (on PostgreSQL through a trigram index, migration 0002).
        At most `MAX_WORDS` words of at most `MAX_WORD_LENGTH` letters are used.
        """
        # Control characters (a NUL ends a LIKE pattern on SQLite, PostgreSQL refuses it) go.
        text = "".join(ch if ch.isprintable() else " " for ch in text.lower())
        words = [word[:MAX_WORD_LENGTH] for word in text.split()][:MAX_WORDS]
        if not words:
            return []
        qs = self.filter(level__in=levels).select_related("parent__parent")
        for word in words[1:]:
            qs = qs.filter(search_text__contains=word)
        # Names that start with the first word, from an index, in name order ...
        found = list(qs.filter(search_text__prefix=words[0]).order_by("name", "code")[:limit])
        if len(found) < limit:
            # ... then names or places that contain it anywhere (a scan, or on PostgreSQL the
            # trigram index).
            rest = qs.filter(search_text__contains=words[0]).exclude(search_text__prefix=words[0])
            found += list(rest.order_by("name", "code")[: limit - len(found)])
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
    search_text = SearchTextField(max_length=255, editable=False, db_index=True)

    # A region is in scope when it lies inside a region the user holds ("" is the row itself).
    scope_paths = ScopePaths(regions=("",))
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
    def label(self):
        """The name as people say it: "Desa Air Batu", "Kabupaten Banyuasin" (regency and city
        names already carry their kind)."""
        if self.level == Level.REGENCY:
            return self.name
        return f"{self.kind_label} {self.name}"

    @property
    def context(self):
        """The district and regency that tell two villages of the same name apart."""
        names = []
        parent = self.parent
        while parent is not None and len(names) < 2:
            names.append(parent.name)
            parent = parent.parent if parent.level > Level.REGENCY else None
        return ", ".join(names)

    @property
    def label_with_context(self):
        """ "Desa Air Batu — Talang Kelapa, Kabupaten Banyuasin": a village told apart."""
        return f"{self.label} — {self.context}" if self.context else self.label

    @property
    def search_detail(self):
        """The small print under a type-ahead result: kind, where, code."""
        return " · ".join(str(part) for part in (self.kind_label, self.context, self.code) if part)

    def ancestors(self):
        """From the province down to the parent: from the parents already loaded
        (`select_related("parent__parent__parent")`), else in one query."""
        loaded, region = [], self
        parent_field = Region._meta.get_field("parent")
        while region.parent_id and parent_field.is_cached(region):
            region = region.parent
            loaded.append(region)
        if not region.parent_id:
            return loaded[::-1]
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
