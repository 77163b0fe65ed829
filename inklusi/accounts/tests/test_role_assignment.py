"""ScopedRole.clean: each role is held over the right kind of scope."""

import pytest
from django.core.exceptions import ValidationError

from inklusi.accounts.models import Invitation, Role, RoleAssignment

OK = [
    (Role.NATIONAL_ADMIN, None, None),
    (Role.PROVINCE_COORDINATOR, "16", None),
    (Role.REGENCY_COORDINATOR, "16.07", None),
    (Role.REGENCY_COORDINATOR, "16.71", None),
    (Role.FACILITATOR, "16.07", None),
    (Role.FACILITATOR, "16.07.10", None),
    (Role.LIBRARY_MANAGER, None, "air_batu"),
    (Role.VIEWER, "16", None),
    (Role.VIEWER, "16.07", None),
    (Role.VIEWER, "16.07.10", None),
    (Role.VIEWER, "16.07.10.1002", None),
    (Role.VIEWER, None, "air_batu"),
]

WRONG = [
    (Role.NATIONAL_ADMIN, "16", None, "region"),
    (Role.NATIONAL_ADMIN, None, "air_batu", "library"),
    (Role.PROVINCE_COORDINATOR, None, None, "region"),
    (Role.PROVINCE_COORDINATOR, "16.07", None, "region"),
    (Role.PROVINCE_COORDINATOR, None, "air_batu", "library"),
    (Role.REGENCY_COORDINATOR, "16", None, "region"),
    (Role.REGENCY_COORDINATOR, "16.07.10", None, "region"),
    (Role.REGENCY_COORDINATOR, None, None, "region"),
    (Role.FACILITATOR, "16", None, "region"),
    (Role.FACILITATOR, "16.07.10.1002", None, "region"),
    (Role.LIBRARY_MANAGER, None, None, "library"),
    (Role.LIBRARY_MANAGER, "16.07.10.1002", None, "library"),
    (Role.LIBRARY_MANAGER, "16.07.10.1002", "air_batu", "region"),
    (Role.VIEWER, None, None, "region"),
    (Role.VIEWER, "16.07", "air_batu", "library"),
]


def build(model, libraries, role, code, library, **extra):
    return model(
        role=role,
        region=libraries.regions[code] if code else None,
        library=getattr(libraries, library) if library else None,
        **extra,
    )


@pytest.mark.parametrize("role,code,library", OK)
def test_right_scope_is_accepted(libraries, role, code, library):
    build(RoleAssignment, libraries, role, code, library).clean()
    build(Invitation, libraries, role, code, library).clean()


@pytest.mark.parametrize("role,code,library,field", WRONG)
def test_wrong_scope_is_refused_with_a_message_on_the_right_field(
    libraries, role, code, library, field
):
    with pytest.raises(ValidationError) as caught:
        build(RoleAssignment, libraries, role, code, library).clean()
    assert field in caught.value.message_dict
    assert all(caught.value.message_dict[field])


def test_no_role_yet_gives_no_scope_message(libraries):
    # The role field reports "required"; the scope rule must not add a confusing message.
    build(RoleAssignment, libraries, "", None, None).clean()


def test_full_clean_of_an_assignment(people, libraries):
    assignment = build(
        RoleAssignment, libraries, Role.PROVINCE_COORDINATOR, "16.07", None, user=people.nobody
    )
    with pytest.raises(ValidationError):
        assignment.full_clean()


def test_scope_label(libraries):
    assert str(build(RoleAssignment, libraries, Role.NATIONAL_ADMIN, None, None).scope_label)
    label = build(RoleAssignment, libraries, Role.REGENCY_COORDINATOR, "16.07", None).scope_label
    assert "Banyuasin" in label
    label = build(RoleAssignment, libraries, Role.LIBRARY_MANAGER, None, "air_batu").scope_label
    assert label == "Perpustakaan Desa Air Batu"


def test_national_admin_is_staff(people):
    assert people.admin.is_staff
    assert people.admin.is_national_admin
    assert not people.province.is_staff
    assert not people.nobody.is_staff


def test_inactive_national_admin_is_not_staff(people):
    people.admin.is_active = False
    assert not people.admin.is_staff
