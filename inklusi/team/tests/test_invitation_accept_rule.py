from inklusi.accounts.models import Invitation, Role, RoleAssignment, User


def make_invitation(people, libraries, email="baru@example.id"):
    return Invitation.objects.create(
        email=email,
        role=Role.LIBRARY_MANAGER,
        library=libraries.sukajadi,
        invited_by=people.regency,
    )


def test_a_new_person_gets_an_account_and_the_role_once(people, libraries):
    invitation = make_invitation(people, libraries)
    user = invitation.accept(full_name="Nur", password="taman-bacaan-2026", language="en")
    assert (user.email, user.full_name, user.language) == ("baru@example.id", "Nur", "en")
    assert user.check_password("taman-bacaan-2026")
    assert RoleAssignment.objects.filter(user=user, library=libraries.sukajadi).count() == 1

    again = Invitation.objects.get(pk=invitation.pk)
    assert again.accept(full_name="Nur", password="x") is None  # used: nothing changes
    assert User.objects.filter(email="baru@example.id").count() == 1


def test_an_existing_user_gets_the_role_and_nothing_else(people, libraries):
    invitation = make_invitation(people, libraries, email=people.viewer.email)
    assert invitation.accept(people.viewer) == people.viewer
    assert set(people.viewer.roles.values_list("role", flat=True)) == {
        Role.VIEWER,
        Role.LIBRARY_MANAGER,
    }
    invitation.refresh_from_db()
    assert invitation.accepted_by == people.viewer
    assert not invitation.is_usable
