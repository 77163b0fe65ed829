"""A library's KPI card for one quarter: its score, the five parts, and the facts (which
records of the quarter) the score came from, so the card can say which record gave which
points as it was when scored."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from inklusi.core.scoping import ScopedQuerySet, ScopePaths

from . import rules


class Colour(models.TextChoices):
    GREEN = rules.GREEN, _("Green")
    YELLOW = rules.YELLOW, _("Yellow")
    RED = rules.RED, _("Red")


def _part(label):
    return models.DecimalField(label, max_digits=4, decimal_places=1)


class LibraryScore(models.Model):
    library = models.ForeignKey(
        "libraries.Library", on_delete=models.CASCADE, related_name="scores"
    )
    quarter = models.DateField(_("quarter"), help_text=_("The first day of the quarter."))
    total = models.PositiveSmallIntegerField(_("score"))
    colour = models.CharField(_("colour"), max_length=6, choices=Colour.choices)
    reporting = _part(_("reporting on time"))
    community = _part(_("community activities and participants"))
    publicity = _part(_("publicity and public pages"))
    partnership = _part(_("partnerships and advocacy"))
    outcomes = _part(_("outcomes"))
    # The records of the quarter the score came from (services.gather): the explanation is
    # drawn from them by the same rules, so it always adds up to the score shown.
    facts = models.JSONField(default=dict)
    scored_at = models.DateTimeField(_("scored at"), auto_now=True)

    scope_paths = ScopePaths(regions=("library__region",), library="library")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-quarter", "library__name"]
        verbose_name = _("KPI card")
        verbose_name_plural = _("KPI cards")
        constraints = [
            models.UniqueConstraint(fields=["library", "quarter"], name="one_score_per_quarter"),
        ]
        indexes = [models.Index(fields=["quarter", "colour"])]

    def __str__(self):
        return f"{self.library} {self.quarter:%Y-%m}: {self.total}"
