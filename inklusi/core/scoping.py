"""How a model's rows meet the access rule: each scoped model declares its paths once.

    class Activity(models.Model):
        scope_paths = ScopePaths(regions=("library__region",), library="library")
        objects = ActivityQuerySet.as_manager()   # a ScopedQuerySet

    Activity.objects.visible_to(scope)             # lists and exports
    Activity.objects.editable_by(scope)            # what the user may change
    Activity.objects.get_for(scope, pk, for_edit=True)   # one row, 404 outside the scope

The rule itself (which region codes and library ids a user holds) lives in
`inklusi.accounts.scope`; this module only knows the paths, so every app can use it without
importing another app.
"""

from typing import NamedTuple

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext_lazy as _

# A condition every row meets, which stays "every row" when OR'd with another condition
# (`Q() | Q(x)` is `Q(x)` in Django; this is not). It adds nothing to the SQL.
EVERY_ROW = ~Q(pk__in=[])


def optional_region(**options):
    """A row's region, when it may belong to a region rather than a library. A region in use
    is never deleted."""
    options = {"verbose_name": _("region"), "related_name": "+", **options}
    return models.ForeignKey(
        "regions.Region", null=True, blank=True, on_delete=models.PROTECT, **options
    )


def optional_library(**options):
    """A row's library, when it may belong to a region instead; it goes with its library."""
    options = {"verbose_name": _("library"), "related_name": "+", **options}
    return models.ForeignKey(
        "libraries.Library", null=True, blank=True, on_delete=models.CASCADE, **options
    )


class ScopePaths(NamedTuple):
    """Where a row's region and library are, as lookup paths from the row."""

    # Paths to a `regions.Region` foreign key (a row may reach a region in several ways).
    regions: tuple
    # Path to a `libraries.Library` (or "pk" for a library itself), for people who hold one
    # library rather than a region; None when the rows belong to regions only.
    library: str | None = None


def crosses_many(model, path):
    """Whether following `path` from `model` can give one row more than once (a many-to-many
    or reverse foreign key on the way)."""
    for name in path.split("__"):
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            return False
        if field.many_to_many or field.one_to_many:
            return True
        if not field.is_relation:
            return False
        model = field.related_model
    return False


class ScopedQuerySet(models.QuerySet):
    """The queryset of a model with `scope_paths`: the one way rows are filtered by a scope."""

    def scope_q(self, access, by_library=True):
        """A Q keeping the rows `access` (a scope's view, edit or invite access) covers,
        each row once; with `by_library` False, only through the regions it covers."""
        paths = self.model.scope_paths
        library = paths.library if by_library else None
        query = access.q(paths.regions, library)
        if query == EVERY_ROW:
            return query
        all_paths = [*paths.regions, *([library] if library else [])]
        if any(crosses_many(self.model, path) for path in all_paths):
            return Q(pk__in=self.model._base_manager.filter(query).values("pk"))
        return query

    def covered_by(self, access):
        return self.filter(self.scope_q(access))

    def visible_to(self, scope, for_edit=False):
        return self.covered_by(scope.access(for_edit))

    def editable_by(self, scope):
        return self.visible_to(scope, for_edit=True)

    def invitable_by(self, scope):
        """Rows inside the area where the user invites people (a coordinator's region)."""
        return self.covered_by(scope.invite)

    def reviewable_by(self, scope):
        """Rows the user reviews (verifies, sends back, approves): inside a region they
        edit. A library's own manager never reviews its records."""
        return self.filter(self.scope_q(scope.access(for_edit=True), by_library=False))

    def get_for(self, scope, pk, for_edit=False):
        """The row with this primary key if the scope reaches it; 404 otherwise, so ids of
        other regions' records leak nothing."""
        found = self.visible_to(scope, for_edit).filter(pk=pk).first()
        if found is None:
            raise Http404
        return found
