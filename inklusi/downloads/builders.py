"""What can be prepared in the background, and who may have it.

A builder takes the place and the query of a download and writes the file; `place_for`
checks the place against the person's scope, the same way the dashboard's pages do, both
when the download is asked for and when the file is fetched.
"""

from django.http import Http404, QueryDict
from django.utils.translation import gettext as _

from inklusi.accounts.scope import Scope
from inklusi.libraries.models import Library
from inklusi.monitoring import exports
from inklusi.monitoring.indicators import Place, dashboard
from inklusi.monitoring.periods import PeriodError, parse_period
from inklusi.regions.models import Region


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


def dashboard_xlsx(download, target):
    board = dashboard(place_for(download.user, download.place), period_of(download.query))
    exports.write_xlsx(board, target)
    return exports.filename(board, "xlsx")


BUILDERS = {"dashboard_xlsx": (dashboard_xlsx, ".xlsx")}


def label(kind):
    return {"dashboard_xlsx": _("Dashboard workbook (XLSX)")}[kind]
