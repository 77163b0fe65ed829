"""The access rule itself: which region codes and libraries each role covers, how a scoped
model's declared paths apply it, and the named questions pages ask."""

import pytest
from django.db.models import Q
from django.http import Http404

from inklusi.accounts.models import Role
from inklusi.accounts.scope import Scope
from inklusi.libraries.models import Assistance, Library
from inklusi.partners.models import Partner
from inklusi.regions.models import Region
from inklusi.testing.factories import UserFactory

# The last word of each Banyuasin library's name (Air Batu, Sukajadi, the regency library).
BANYUASIN = {"Batu", "Sukajadi", "Banyuasin"}


def visible(user, for_edit=False):
    """Last words of the names of the libraries `user` may see (or change)."""
    libraries = Library.objects.visible_to(Scope(user), for_edit=for_edit)
    return {library.name.split()[-1] for library in libraries}


def test_region_roles_cover_their_region_and_everything_below(people, libraries):
    assert visible(people.regency) == BANYUASIN
    scope = Scope(people.regency)
    assert scope.sees_region("16.07.10.1002")
    assert scope.sees_region("16.07")
    assert not scope.sees_region("16")
    assert not scope.sees_region("16.071")  # a textual prefix is not a parent


def test_manager_covers_only_the_own_library(people, libraries):
    assert visible(people.manager) == {"Batu"}
    scope = Scope(people.manager)
    assert scope.edits_library(libraries.air_batu)
    assert not scope.edits_library(libraries.sukajadi)
    assert not scope.can_create_libraries
    assert not scope.can_invite


def test_viewer_sees_but_never_edits(people, libraries):
    assert visible(people.viewer) == BANYUASIN
    assert visible(people.viewer, for_edit=True) == set()


def test_national_admin_and_superuser_cover_everything(people, libraries):
    assert Library.objects.visible_to(Scope(people.admin)).count() == 5
    superuser = UserFactory(is_superuser=True)
    assert Scope(superuser).is_national
    assert Library.objects.editable_by(Scope(superuser)).count() == 5


def test_user_without_role_or_inactive_sees_nothing(people, libraries):
    assert not Library.objects.visible_to(Scope(people.nobody)).exists()
    people.province.is_active = False
    assert not Library.objects.visible_to(Scope(people.province)).exists()


def test_several_roles_add_up(people, libraries):
    user = UserFactory(role=(Role.LIBRARY_MANAGER, libraries.medan))
    user.roles.create(role=Role.VIEWER, region=libraries.regions["16.71"])
    assert visible(user) == {"Baru", "Ilir"}


def test_paths_through_related_models(people, libraries):
    """Records that belong to a library are filtered by its region or its id."""
    Assistance.objects.create(
        library=libraries.air_batu, kind="books", received_on="2020-01-01", provider="X"
    )
    Assistance.objects.create(
        library=libraries.medan, kind="books", received_on="2020-01-01", provider="Y"
    )
    mine = Assistance.objects.visible_to(Scope(people.manager))
    assert [a.provider for a in mine] == ["X"]


def test_everything_survives_being_ored(people, libraries):
    """`Q() | Q(x)` is `Q(x)` in Django: a national scope OR'd with another condition must
    still cover every row (it once lost the national admin trainings and agreements)."""
    scope = Scope(people.admin)
    query = Library.objects.scope_q(scope.view) | Q(name="nothing by this name")
    assert Library.objects.filter(query).count() == 5
    query = Q(name="nothing by this name") | Library.objects.scope_q(scope.view)
    assert Library.objects.filter(query).count() == 5


def test_paths_through_many_give_each_row_once(people, libraries):
    """A partner of two libraries of the regency is listed once, not once per library."""
    partner = Partner.objects.create(name="Bank Sumsel Babel", kind="company")
    partner.libraries.add(libraries.air_batu, libraries.sukajadi)
    assert list(Partner.objects.visible_to(Scope(people.regency))) == [partner]
    assert not Partner.objects.visible_to(Scope(people.charlie)).exists()


def test_get_for_answers_404_outside_the_scope(people, libraries):
    assert Library.objects.get_for(Scope(people.manager), libraries.air_batu.pk)
    with pytest.raises(Http404):
        Library.objects.get_for(Scope(people.manager), libraries.sukajadi.pk)
    with pytest.raises(Http404):
        Library.objects.get_for(Scope(people.viewer), libraries.air_batu.pk, for_edit=True)


def test_reviewers_are_regional_editors_never_the_own_manager(people, libraries):
    assert Scope(people.regency).can_review(libraries.air_batu)
    assert Scope(people.facilitator).can_review(libraries.air_batu)
    assert not Scope(people.manager).can_review(libraries.air_batu)
    assert not Scope(people.viewer).can_review(libraries.air_batu)
    assert not Scope(people.charlie).can_review(libraries.air_batu)
    assert not Library.objects.reviewable_by(Scope(people.manager)).exists()
    assert visible_in(Library.objects.reviewable_by(Scope(people.regency))) == BANYUASIN


def visible_in(libraries):
    return {library.name.split()[-1] for library in libraries}


def test_named_questions_of_each_role(people, libraries):
    admin, regency, manager = Scope(people.admin), Scope(people.regency), Scope(people.manager)
    assert admin.is_national and admin.is_regional and admin.edits_regionally
    assert not regency.is_national and regency.is_regional and regency.edits_regionally
    assert not manager.is_regional and not manager.edits_regionally
    assert manager.single_library_id == libraries.air_batu.pk
    assert regency.single_library_id is None and admin.single_library_id is None
    assert Scope(people.viewer).is_regional and not Scope(people.viewer).edits_regionally
    assert regency.held_region_codes() == ["16.07"]
    assert manager.held_library_ids() == [libraries.air_batu.pk]
    assert Scope(people.regency).invites_in_region("16.07.10")
    assert not Scope(people.facilitator).invites_in_region("16.07.10")
    assert all(Scope(getattr(people, who)).in_programme for who in ("manager", "viewer", "admin"))
    assert not Scope(people.nobody).in_programme


def test_regions_are_scoped_by_their_own_code(people, libraries):
    codes = set(Region.objects.visible_to(Scope(people.regency)).values_list("code", flat=True))
    assert "16.07" in codes and "16.07.10.1002" in codes
    assert "16" not in codes and "16.71" not in codes


def test_scope_is_computed_once_per_user_object(people, django_assert_num_queries):
    Scope.of(people.regency)
    with django_assert_num_queries(0):
        Scope.of(people.regency)
