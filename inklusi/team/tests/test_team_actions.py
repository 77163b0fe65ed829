"""Coordinators remove roles and cancel invitations inside their own area only."""

from django.urls import reverse

from inklusi.accounts.models import Invitation, Role, RoleAssignment


def revoke_url(assignment):
    return reverse("team:revoke_role", args=[assignment.pk])


def cancel_url(invitation):
    return reverse("team:cancel_invitation", args=[invitation.pk])


def invitation_for(people, library):
    return Invitation.objects.create(
        email="baru@example.id",
        role=Role.LIBRARY_MANAGER,
        library=library,
        invited_by=people.province,
    )


def test_coordinator_removes_a_managers_role(people, login):
    role = people.manager.roles.get()
    response = login(people.regency).post(revoke_url(role))
    assert response.status_code == 302
    assert not RoleAssignment.objects.filter(pk=role.pk).exists()


def test_it_checks_scope(people, login):
    role = people.manager.roles.get()
    assert login(people.charlie).post(revoke_url(role)).status_code == 404
    assert RoleAssignment.objects.filter(pk=role.pk).exists()


def test_nobody_removes_their_own_role(people, login):
    role = people.regency.roles.get()
    response = login(people.regency).post(revoke_url(role), follow=True)
    assert RoleAssignment.objects.filter(pk=role.pk).exists()
    assert len(list(response.context["messages"])) == 1


def test_only_coordinators_may(people, login):
    role = people.viewer.roles.get()
    for who in (people.manager, people.viewer, people.facilitator):
        assert login(who).post(revoke_url(role)).status_code == 403
    assert RoleAssignment.objects.filter(pk=role.pk).exists()


def test_wrong_method_is_405(people, login):
    assert login(people.regency).get(revoke_url(people.manager.roles.get())).status_code == 405


def test_coordinator_cancels_an_invitation_in_the_area(people, libraries, login):
    invitation = invitation_for(people, libraries.sukajadi)
    assert login(people.regency).post(cancel_url(invitation)).status_code == 302
    assert not Invitation.objects.filter(pk=invitation.pk).exists()


def test_an_invitation_outside_the_area_is_404(people, libraries, login):
    invitation = invitation_for(people, libraries.sukajadi)
    assert login(people.charlie).post(cancel_url(invitation)).status_code == 404
    assert Invitation.objects.filter(pk=invitation.pk).exists()


def test_team_page_offers_the_actions(people, libraries, login):
    invitation_for(people, libraries.sukajadi)
    body = login(people.regency).get(reverse("team:team")).content.decode()
    assert revoke_url(people.manager.roles.get()) in body
    assert revoke_url(people.regency.roles.get()) not in body  # not one's own
    assert "data-confirm" in body
