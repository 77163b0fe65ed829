"""Django admin is for national admins only."""

from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from inklusi.accounts.models import Role, User
from inklusi.accounts.twofactor import current_code, force_login_verified


def test_national_admin_opens_the_admin(login, people):
    client = login(people.admin)
    assert client.get(reverse("admin:index")).status_code == 200
    response = client.get(reverse("admin:accounts_user_changelist"))
    assert response.status_code == 200
    assert people.charlie.email in response.content.decode()
    assert (
        client.get(reverse("admin:accounts_user_change", args=[people.charlie.pk])).status_code
        == 200
    )
    assert client.get(reverse("admin:accounts_invitation_changelist")).status_code == 200
    assert client.get(reverse("admin:accounts_user_add")).status_code == 200


def test_national_admin_filters_users_by_role(login, people):
    response = login(people.admin).get(
        reverse("admin:accounts_user_changelist"), {"roles__role": Role.REGENCY_COORDINATOR}
    )
    body = response.content.decode()
    assert people.charlie.email in body
    assert people.manager.email not in body


def test_national_admin_adds_a_user(login, people):
    response = login(people.admin).post(
        reverse("admin:accounts_user_add"),
        {
            "email": "Baru@Example.id",
            "full_name": "Baru",
            "password1": "perpus-desa-2024!",
            "password2": "perpus-desa-2024!",
            "usable_password": "true",
            "roles-TOTAL_FORMS": "0",
            "roles-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    user = User.objects.get(email__iexact="baru@example.id")
    assert user.email == "baru@example.id"


def test_admin_add_refuses_an_email_in_another_case(login, people):
    response = login(people.admin).post(
        reverse("admin:accounts_user_add"),
        {
            "email": "CHARLIE@example.id",
            "full_name": "Charlie 2",
            "password1": "perpus-desa-2024!",
            "password2": "perpus-desa-2024!",
            "roles-TOTAL_FORMS": "0",
            "roles-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200
    assert User.objects.filter(email__iexact="charlie@example.id").count() == 1


def test_superuser_without_role_opens_the_admin(client, db):
    root = User.objects.create_superuser("root@example.id", "x", full_name="Root")
    force_login_verified(client, root)
    assert client.get(reverse("admin:index")).status_code == 200


def test_province_coordinator_is_refused(login, people):
    client = login(people.province)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))
    response = client.get(reverse("admin:accounts_user_changelist"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))


def test_province_coordinator_cannot_log_in_to_the_admin(client, people):
    response = client.post(
        reverse("admin:login"), {"username": "sumsel@example.id", "password": "rahasia-123"}
    )
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_national_admin_logs_in_to_the_admin(client, people):
    response = client.post(
        reverse("admin:login") + "?next=/admin/",
        {"username": "admin@example.id", "password": "rahasia-123", "next": "/admin/"},
    )
    assert response.status_code == 302
    # The password alone is not enough: the admin asks for the code first.
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response.url == reverse("accounts:two_factor") + "?next=%2Fadmin%2F"
    device = TOTPDevice.objects.create(user=people.admin, name="default")
    client.post(reverse("accounts:two_factor"), {"code": current_code(device), "next": "/admin/"})
    assert client.get("/admin/").status_code == 200


def test_anonymous_is_sent_to_the_admin_login(client, db):
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))
