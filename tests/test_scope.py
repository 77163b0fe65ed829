"""The access rule itself: which region codes and libraries each role covers."""

from inklusi.accounts.models import Role
from inklusi.accounts.scope import Scope
from inklusi.libraries.models import Library
from inklusi.testing.factories import UserFactory

# The last word of each Banyuasin library's name (Air Batu, Sukajadi, the regency library).
BANYUASIN = {"Batu", "Sukajadi", "Banyuasin"}


def visible(user, for_edit=False):
    """Last words of the names of the libraries `user` may see (or change)."""
    libraries = Scope(user).filter(Library.objects.all(), library_path="pk", for_edit=for_edit)
    return {library.name.split()[-1] for library in libraries}


def test_region_roles_cover_their_region_and_everything_below(people, libraries):
    assert visible(people.regency) == BANYUASIN
    scope = Scope(people.regency)
    assert scope.view.covers_region("16.07.10.1002")
    assert scope.view.covers_region("16.07")
    assert not scope.view.covers_region("16")
    assert not scope.view.covers_region("16.071")  # a textual prefix is not a parent


def test_manager_covers_only_the_own_library(people, libraries):
    assert visible(people.manager) == {"Batu"}
    scope = Scope(people.manager)
    assert scope.edit.covers_library(libraries.air_batu)
    assert not scope.edit.covers_library(libraries.sukajadi)
    assert not scope.can_create_libraries
    assert not scope.can_invite


def test_viewer_sees_but_never_edits(people, libraries):
    assert visible(people.viewer) == BANYUASIN
    assert visible(people.viewer, for_edit=True) == set()


def test_national_admin_and_superuser_cover_everything(people, libraries):
    assert Scope(people.admin).filter(Library.objects.all()).count() == 5
    superuser = UserFactory(is_superuser=True)
    assert Scope(superuser).edit.everything


def test_user_without_role_or_inactive_sees_nothing(people, libraries):
    assert Scope(people.nobody).filter(Library.objects.all()).count() == 0
    people.province.is_active = False
    assert Scope(people.province).filter(Library.objects.all()).count() == 0


def test_several_roles_add_up(people, libraries):
    user = UserFactory(role=(Role.LIBRARY_MANAGER, libraries.medan))
    user.roles.create(role=Role.VIEWER, region=libraries.regions["16.71"])
    assert visible(user) == {"Baru", "Ilir"}


def test_paths_through_related_models(people, libraries):
    """Records that belong to a library are filtered by its region or its id."""
    from inklusi.libraries.models import Assistance

    Assistance.objects.create(
        library=libraries.air_batu, kind="books", received_on="2020-01-01", provider="X"
    )
    Assistance.objects.create(
        library=libraries.medan, kind="books", received_on="2020-01-01", provider="Y"
    )
    visible = Scope(people.manager).filter(
        Assistance.objects.all(), region_path="library__region", library_path="library"
    )
    assert [a.provider for a in visible] == ["X"]


def test_scope_is_computed_once_per_user_object(people, django_assert_num_queries):
    Scope.of(people.regency)
    with django_assert_num_queries(0):
        Scope.of(people.regency)
