"""Where programme money comes from: one list shared by activities, work plans and partners."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class FundingSource(models.TextChoices):
    NONE = "none", _("No cost")
    VILLAGE = "village", _("Village budget (APBDes: Dana Desa / ADD)")
    REGENCY = "regency", _("Regency/city budget (APBD)")
    PROVINCE = "province", _("Provincial budget (APBD)")
    NATIONAL = "national", _("National budget (APBN/DAK)")
    PARTNER = "partner", _("Partner or CSR")
    COMMUNITY = "community", _("Community self-funding (swadaya)")
    OTHER = "other", _("Other")
