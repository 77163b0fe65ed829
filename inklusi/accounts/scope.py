"""The access rule, written once: a user sees and changes only what lies inside their scope.

A scope is the set of region codes and library ids a user's roles cover, one set for seeing and
one for changing. Every list, detail, edit and export filters its queryset through `Scope.filter`
and fetches single objects through `Scope.get_or_404` (with `for_edit=True` to change them), so
an object outside the scope answers 404 whatever the URL says.
"""

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404

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
        is covered."""
        if self.everything:
            return Q()
        paths = (region_path,) if isinstance(region_path, str) else region_path
        query = Q(pk__in=[])
        for code in sorted(self.region_codes):
            for path in paths:
                query |= Q(**{f"{path}__code__inside": code})
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
        if not (user and user.is_authenticated and user.is_active):
            return
        if user.is_superuser:
            for access in (self.view, self.edit, self.invite):
                access.everything = True
        for assignment in user.roles.all():
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
        """The user's scope if it grants `ability` (`"can_invite"`, `"can_create_libraries"`);
        otherwise 403, since the page itself is not for this role."""
        scope = cls.of(user)
        if not getattr(scope, ability):
            raise PermissionDenied
        return scope

    def access(self, for_edit=False):
        return self.edit if for_edit else self.view

    def filter(self, queryset, region_path="region", library_path=None, for_edit=False):
        return queryset.filter(self.access(for_edit).q(region_path, library_path))

    def get_or_404(self, queryset, region_path="region", library_path=None, for_edit=False, **kw):
        found = self.filter(queryset, region_path, library_path, for_edit).filter(**kw).first()
        if found is None:
            raise Http404
        return found

    def can_create_in_region(self, code):
        """Creating records for a region (not one library) needs a regional editing role."""
        return self.edit.covers_region(code)

    @property
    def can_edit(self):
        """Whether the user changes anything at all (every role but the read-only viewer)."""
        return not self.edit.is_empty()

    @property
    def can_create_libraries(self):
        return self.edit.everything or bool(self.edit.region_codes)

    @property
    def can_invite(self):
        return not self.invite.is_empty()

    def may_invite_to(self, scoped_role):
        """An inviter may hand out a role only inside a region they coordinate."""
        if scoped_role.role == Role.NATIONAL_ADMIN:
            return self.invite.everything
        if scoped_role.library_id:
            return self.invite.covers_region(scoped_role.library.region_id)
        return scoped_role.region_id is not None and self.invite.covers_region(
            scoped_role.region_id
        )
