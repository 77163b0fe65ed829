"""What can be prepared in the background, and who may have it.

A builder takes the place and the query of a download and writes the file, telling how far
it is to `on_progress(percent, stage)` (a key of `Stage`); `place_for` checks the place
against the person's scope, the same way the dashboard's pages do, both when the download is
asked for and when the file is fetched.
"""

import zipfile

from django.http import Http404, QueryDict
from django.utils.translation import gettext as _

from inklusi.accounts.scope import Scope
from inklusi.advocacy import brief
from inklusi.core import progress
from inklusi.libraries.models import Library
from inklusi.monitoring import exports
from inklusi.monitoring.indicators import Place, dashboard
from inklusi.monitoring.periods import PeriodError, parse_period
from inklusi.regions.models import Level, Region

from .models import Stage


def place_for(user, key):
    """The dashboard place of a key ("nation", "region:16.07", "library:12") if the user
    sees it; Http404 otherwise (as the dashboard answers)."""
    scope = Scope.of(user)
    kind, _sep, value = key.partition(":")
    if kind == "nation" and scope.is_national:
        return Place()
    if kind == "region":
        region = Region.objects.filter(code=value).first()
        if region is not None and scope.sees_region(value):
            return Place(region=region)
    if kind == "library" and value.isdigit():
        return Place(library=Library.objects.select_related("region").get_for(scope, value))
    raise Http404


def period_of(query):
    """The period the dashboard's parameters give; ValueError with the reason if none."""
    try:
        return parse_period(QueryDict(query))
    except PeriodError as error:
        raise ValueError(str(error)) from error


def check(user, kind, place_key, query):
    """What a worker would refuse, refused now: Http404 outside the scope (or for a place the
    kind is not for), ValueError for a period that is not one."""
    place = place_for(user, place_key)
    if kind == "regency_briefs" and (place.region is None or place.region.level != Level.PROVINCE):
        raise Http404
    if kind == "dashboard_xlsx":
        period_of(query)


# The share of the dashboard workbook's time spent computing its figures (the rest writes
# the sheets), measured on the nation's (0.26 s of 2.4 s).
FIGURES_SHARE = 10


def dashboard_xlsx(download, target, on_progress=progress.ignore):
    on_progress(0, Stage.FIGURES)
    board = dashboard(place_for(download.user, download.place), period_of(download.query))
    exports.write_xlsx(board, target, progress.part(on_progress, FIGURES_SHARE, 100))
    return exports.filename(board, "xlsx")


def regency_briefs(download, target, on_progress=progress.ignore):
    """The advocacy brief of every regency and city of a province, one PDF each, zipped."""
    place = place_for(download.user, download.place)
    if place.region is None or place.region.level != Level.PROVINCE:
        raise Http404
    regencies = list(Region.objects.filter(parent=place.region).order_by("code"))
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for done, regency in enumerate(regencies):
            on_progress(100 * done / len(regencies), Stage.BRIEFS)
            archive.writestr(brief.filename(regency.label), brief.region_brief_pdf(regency))
    on_progress(100, Stage.BRIEFS)
    return brief.filename(place.region.label).removesuffix(".pdf") + ".zip"


BUILDERS = {"dashboard_xlsx": (dashboard_xlsx, ".xlsx"), "regency_briefs": (regency_briefs, ".zip")}


def label(kind):
    return {
        "dashboard_xlsx": _("Dashboard workbook (XLSX)"),
        "regency_briefs": _("Advocacy briefs of every regency and city (ZIP)"),
    }[kind]
