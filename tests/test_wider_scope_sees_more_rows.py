"""A wider scope holds at least the rows a narrower one inside it holds, for every scoped model.

Every model whose queryset is a `ScopedQuerySet` is checked on the shared data set
(`inklusi.testing.world`): `visible_to` and `editable_by` of the wider persona contain the
narrower's, the national admin holds every row, and each persona's rows lie inside its regions
or libraries, read straight from the row's declared `scope_paths` (not through `Access.q`).
"""

import pytest
from django.apps import apps

from inklusi.accounts.models import EDITING_ROLES, Role, RoleAssignment
from inklusi.accounts.scope import Scope
from inklusi.core.scoping import ScopedQuerySet
from inklusi.partners.models import Agreement, Partner
from inklusi.testing.world import CHAINS

PERSONAS = ["admin", "province", "regency", "facilitator", "manager", "viewer", "charlie", "nobody"]


def scoped_models():
    return sorted(
        (
            model
            for model in apps.get_models()
            if issubclass(model._default_manager._queryset_class, ScopedQuerySet)
        ),
        key=lambda model: model._meta.label,
    )


SCOPED = {model._meta.label: model for model in scoped_models()}


def test_every_model_with_scope_paths_has_a_scoped_queryset():
    declared = {m._meta.label for m in apps.get_models() if hasattr(m, "scope_paths")}
    assert declared <= SCOPED.keys()
    assert "partners.Agreement" in SCOPED  # scoped through its partner, without paths


def rows(model, persona, for_edit):
    return set(model.objects.visible_to(Scope(persona), for_edit).values_list("pk", flat=True))


@pytest.mark.parametrize("label", sorted(SCOPED))
@pytest.mark.parametrize("for_edit", [False, True], ids=["visible_to", "editable_by"])
def test_wider_scope_holds_every_row_of_a_narrower_one(world, db, label, for_edit):
    model = SCOPED[label]
    held = {who: rows(model, getattr(world.people, who), for_edit) for who in PERSONAS}
    assert held["regency"], f"the data set has no Banyuasin {label}"
    for wider, narrower in CHAINS:
        assert held[narrower] <= held[wider], f"{wider} misses {held[narrower] - held[wider]}"
    assert held["admin"] == set(model.objects.values_list("pk", flat=True))
    assert held["nobody"] == set()


@pytest.mark.parametrize("label", sorted(SCOPED))
@pytest.mark.parametrize("for_edit", [False, True], ids=["visible_to", "editable_by"])
def test_each_persona_holds_only_rows_inside_its_area(world, db, label, for_edit):
    model = SCOPED[label]
    for who in PERSONAS[1:]:
        user = getattr(world.people, who)
        codes, library_ids = area(user, for_edit)
        for pk in rows(model, user, for_edit):
            assert lies_inside(model, pk, codes, library_ids), f"{who}: {label} {pk}"


def area(user, for_edit):
    """The region codes and library ids of the user's roles (only editing roles for edit)."""
    roles = RoleAssignment.objects.filter(user=user).exclude(role=Role.NATIONAL_ADMIN)
    if for_edit:
        roles = roles.filter(role__in=EDITING_ROLES)
    codes = {code for code in roles.values_list("region", flat=True) if code}
    return codes, {pk for pk in roles.values_list("library", flat=True) if pk}


def lies_inside(model, pk, codes, library_ids):
    if model is Agreement:  # inside when its partner is, and its library (if it names one)
        agreement = Agreement.objects.get(pk=pk)
        return lies_inside(Partner, agreement.partner_id, codes, library_ids) and (
            agreement.library_id is None
            or lies_inside_library(agreement.library, codes, library_ids)
        )
    found = model.objects.filter(pk=pk)
    paths = model.scope_paths
    row_codes = set()
    for path in paths.regions:
        row_codes |= set(found.values_list(path or "pk", flat=True)) - {None}
    row_libraries = set(found.values_list(paths.library, flat=True)) if paths.library else set()
    return bool(row_libraries & library_ids) or any(
        inside(code, mine) for code in row_codes for mine in codes
    )


def lies_inside_library(library, codes, library_ids):
    return library.pk in library_ids or any(inside(library.region_id, mine) for mine in codes)


def inside(code, region):
    return code == region or code.startswith(region + ".")
