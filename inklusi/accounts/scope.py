"""The access rule, written once: a user sees and changes only what lies inside their scope.

A scope is the set of region codes and library ids a user's roles cover, one set for seeing and
one for changing. Every scoped model declares once how its rows reach a region and a library
(`scope_paths`, see `inklusi.core.scoping`); every list, detail, edit and export asks its
queryset `visible_to(scope)`, `editable_by(scope)` or `get_for(scope, pk, for_edit=...)`, so an
object outside the scope answers 404 whatever the URL says.

Everything else a page needs to know about a user's reach is a named question on `Scope`
(`is_national`, `is_regional`, `single_library_id`, `sees_region`, `can_review`, ...): code
outside `accounts/` never reads an `Access`'s sets (`scripts/check_scope_internals` checks it).
"""

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db.models import Q

from inklusi.core.scoping import EVERY_ROW

from .models import EDITING_ROLES, INVITING_ROLES, Role


@dataclass
class Access:
    everything: bool = False
    region_codes: set = field(default_factory=set)
    library_ids: set = field(default_factory=set)

    def add(self, assignment):
        if assignment.role == Role.NATIONAL_ADMIN:
            self.everything = True
        elif assignment.library_id:
            self.library_ids.add(assignment.library_id)
        elif assignment.region_id:
            self.region_codes.add(assignment.region_id)

    def is_empty(self):
        return not (self.everything or self.region_codes or self.library_ids)

    def q(self, region_path, library_path=None):
        """A Q that keeps rows whose region (at `region_path`, or any of several) or library
        is covered. For everything it is `EVERY_ROW`, which survives being OR'd."""
        if self.everything:
            return EVERY_ROW
        paths = (region_path,) if isinstance(region_path, str) else region_path
        query = Q(pk__in=[])
        for code in sorted(self.region_codes):
            for path in paths:
                query |= Q(**{f"{path}__code__inside" if path else "code__inside": code})
        if library_path and self.library_ids:
            query |= Q(**{f"{library_path}__in": sorted(self.library_ids)})
        return query

    def covers_region(self, code):
        return self.everything or any(
            code == mine or code.startswith(mine + ".") for mine in self.region_codes
        )

    def covers_library(self, library):
        return library.pk in self.library_ids or self.covers_region(library.region_id)


class Scope:
    """What one user may see (`view`), change (`edit`) and invite to (`invite`)."""

    def __init__(self, user):
        self.user = user
        self.view, self.edit, self.invite = Access(), Access(), Access()
        # The user's role assignments with their places, read once per request (the home
        # page lists them too).
        self.assignments = []
        if not (user and user.is_authenticated and user.is_active):
            return
        if user.is_superuser:
            for access in (self.view, self.edit, self.invite):
                access.everything = True
        self.assignments = list(user.roles.select_related("region", "library__region"))
        for assignment in self.assignments:
            self.view.add(assignment)
            if assignment.role in EDITING_ROLES:
                self.edit.add(assignment)
            if assignment.role in INVITING_ROLES:
                self.invite.add(assignment)

    @classmethod
    def of(cls, user):
        """The user's scope, computed once per request (cached on the user object)."""
        if not hasattr(user, "_inklusi_scope"):
            user._inklusi_scope = cls(user)
        return user._inklusi_scope

    @classmethod
    def requiring(cls, user, ability):
        """The user's scope if it grants `ability` (`"can_invite"`, `"can_create_libraries"`,
        `"is_regional"`); otherwise 403, since the page itself is not for this role."""
        scope = cls.of(user)
        if not getattr(scope, ability):
            raise PermissionDenied
        return scope

    def access(self, for_edit=False):
        """The `Access` a scoped queryset filters by (see `inklusi.core.scoping`)."""
        return self.edit if for_edit else self.view

    # Named questions: what pages ask about a user's reach. ------------------------------

    @property
    def is_national(self):
        """Sees all of Indonesia (national admin, superuser)."""
        return self.view.everything

    @property
    def is_regional(self):
        """Sees at least one whole region: coordinators, facilitators, regional viewers and
        national admins, as opposed to people who hold only libraries."""
        return self.view.everything or bool(self.view.region_codes)

    @property
    def edits_regionally(self):
        """Changes records of at least one whole region (creates libraries, reviews)."""
        return self.edit.everything or bool(self.edit.region_codes)

    @property
    def single_library_id(self):
        """The one library a library manager edits, when that is all they edit (their forms
        need no library picker); None otherwise."""
        if self.edits_regionally or len(self.edit.library_ids) != 1:
            return None
        return next(iter(self.edit.library_ids))

    def held_library_ids(self, for_edit=False):
        """Ids of the libraries the user holds by a library role (not through a region)."""
        return sorted(self.access(for_edit).library_ids)

    def held_region_codes(self):
        """Codes of the regions the user holds a role over (none for a national scope, which
        holds the nation, nor for people holding only libraries)."""
        return sorted(self.view.region_codes)

    def sees_region(self, code):
        return self.view.covers_region(code)

    def edits_region(self, code):
        """Changes (and creates) records of a whole region: a regional editing role over it."""
        return self.edit.covers_region(code)

    @property
    def invites_nationally(self):
        """Invites anywhere, national admins included."""
        return self.invite.everything

    def invites_in_region(self, code):
        return self.invite.covers_region(code)

    def edits_library(self, library):
        return self.edit.covers_library(library)

    def can_review(self, library):
        """Verifies or sends back a library's records: an editor of the library's region,
        never its own manager."""
        return self.edit.covers_region(library.region_id)

    # Abilities a page may require (`Scope.requiring(user, "can_invite")`). ---------------

    @property
    def can_edit(self):
        """Whether the user changes anything at all (every role but the read-only viewer)."""
        return not self.edit.is_empty()

    @property
    def in_programme(self):
        """Holds any role at all: the programme's shared pages (the FAQ) are open to them."""
        return not self.view.is_empty()

    @property
    def can_create_libraries(self):
        return self.edits_regionally

    @property
    def can_invite(self):
        return not self.invite.is_empty()

    def may_invite_to(self, scoped_role):
        """An inviter may hand out a role only inside a region they coordinate."""
        if scoped_role.role == Role.NATIONAL_ADMIN:
            return self.invites_nationally
        if scoped_role.library_id:
            return self.invite.covers_region(scoped_role.library.region_id)
        return scoped_role.region_id is not None and self.invite.covers_region(
            scoped_role.region_id
        )
