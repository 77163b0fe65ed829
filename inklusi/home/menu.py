"""The main menu: one table of entries, each with who sees it, read by `base.html` through the
`site` context processor. A role gets the menu of its work (see docs/architecture.md, "The
menu"): the library manager's is their library, activities, reports, plan and trainings; a
read-only viewer's the outcomes; coordinators and facilitators everything they work on.

The menu only shows the way: what a page allows is still decided by the page itself (the
access rule in `accounts/scope.py`). To add an entry, add a row to MENU with the predicate of
who needs it.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _


# Who sees an entry: a question on the user's scope (see accounts/scope.py).
def everyone(scope):
    return True


def holds_a_place(scope):
    """Holds a region, a library or the nation: has a dashboard to open."""
    return scope.is_regional or bool(scope.held_library_ids())


def regional(scope):
    """Sees whole regions: coordinators, facilitators, regional viewers, national admins."""
    return scope.is_regional


def editors(scope):
    """Changes something: every role but the read-only viewer."""
    return scope.can_edit


def regional_editors(scope):
    """Works on a whole region: coordinators, facilitators, national admins."""
    return scope.edits_regionally


def inviters(scope):
    return scope.can_invite


def staff(scope):
    return scope.user.is_staff


def national(scope):
    return scope.is_national


def several_libraries(scope):
    return holds_a_place(scope) and scope.single_library_id is None


def one_library(scope):
    return scope.single_library_id is not None


@dataclass(frozen=True)
class Entry:
    key: str
    label: str
    shows: Callable  # scope -> bool
    url_name: str
    # The URL's arguments from the scope (a manager's own library), when it has any.
    args: Callable = None

    def url(self, scope):
        return reverse(self.url_name, args=self.args(scope) if self.args else ())


def _own_library(scope):
    return [scope.single_library_id]


MENU = (
    Entry("home", _("Home"), everyone, "home:home"),
    # Talking along the programme: everyone holding a role reads announcements and the
    # questions of their area (a manager asks, facilitators answer).
    Entry("announcements", _("Announcements"), holds_a_place, "announcements:list"),
    Entry("questions", _("Questions"), holds_a_place, "questions:list"),
    # A manager's "Monitoring" is their own library's page: their figures and next steps.
    Entry("monitoring", _("Monitoring"), holds_a_place, "monitoring:index"),
    Entry("my_library", _("My library"), one_library, "libraries:detail", args=_own_library),
    Entry("libraries", _("Libraries"), several_libraries, "libraries:list"),
    Entry("activities", _("Activities"), holds_a_place, "activities:list"),
    Entry("reports", _("Reports"), holds_a_place, "reports:list"),
    Entry("plans", _("Work plans"), holds_a_place, "plans:list"),
    Entry("stories", _("Stories"), holds_a_place, "stories:list"),
    # Partnerships and advocacy for APBD money are the regency's work (domain.md); a village
    # library's ask for Dana Desa goes through its work plan.
    Entry("partners", _("Partners"), regional_editors, "partners:list"),
    Entry("advocacy", _("Advocacy"), regional_editors, "advocacy:list"),
    Entry("trainings", _("Trainings"), editors, "trainings:list"),
    Entry("regions", _("Regions"), regional, "regions:index"),
    Entry("imports", _("Import"), regional_editors, "imports:index"),
    Entry("team", _("Team"), inviters, "team:team"),
    Entry("profile", _("Profile"), everyone, "accounts:profile"),
    Entry("audit", _("Audit trail"), national, "audit:search"),
    Entry("admin", _("Administration"), staff, "admin:index"),
)


def menu_for(request, scope):
    """[{key, label, url, current}] of the entries this user sees."""
    path = request.path
    items = []
    for entry in MENU:
        if not entry.shows(scope):
            continue
        url = entry.url(scope)
        items.append(
            {
                "key": entry.key,
                "label": entry.label,
                "url": url,
                "current": path == url or (url != "/" and path.startswith(url)),
            }
        )
    return items
