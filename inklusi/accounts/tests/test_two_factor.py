"""Two-factor sign-in for national admins (django-otp, TOTP)."""

from io import StringIO

from django.core.management import call_command
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from inklusi.accounts.twofactor import current_code
from inklusi.devtools.demo_twofactor import load_demo_twofactor
from inklusi.testing.factories import UserFactory

LOGIN = reverse("accounts:login")
CODE = reverse("accounts:two_factor")
SETUP = reverse("accounts:two_factor_setup")
PASSWORD = "rahasia-123"


def _password(client, user):
    return client.post(LOGIN, {"username": user.email, "password": PASSWORD})


def test_other_roles_sign_in_with_the_password_alone(client, people):
    _password(client, people.regency)
    assert client.get(reverse("home:home")).status_code == 200


def test_a_national_admin_is_asked_for_the_code_on_every_page(client, people):
    TOTPDevice.objects.create(user=people.admin, name="default")
    _password(client, people.admin)
    for url in (reverse("home:home"), reverse("audit:search"), "/admin/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(CODE + "?next=")
    assert client.get(reverse("notifications:badge"), HTTP_HX_REQUEST="true").status_code == 403
    page = client.get(CODE)
    assert page.status_code == 200
    assert 'autocomplete="one-time-code"' in page.content.decode()


def test_the_right_code_lets_the_admin_in_and_a_wrong_one_does_not(client, people):
    device = TOTPDevice.objects.create(user=people.admin, name="default")
    _password(client, people.admin)
    wrong = client.post(CODE, {"code": "000000" if current_code(device) != "000000" else "1"})
    assert wrong.status_code == 200
    assert 'role="alert"' in wrong.content.decode()
    assert client.get(reverse("home:home")).status_code == 302
    device.refresh_from_db()
    device.throttling_failure_count = 0
    device.throttling_failure_timestamp = None
    device.save()
    right = client.post(CODE, {"code": current_code(device), "next": "/pantauan/"})
    assert right.status_code == 302
    assert right.url == "/pantauan/"
    assert client.get(reverse("home:home")).status_code == 200


def test_next_may_not_lead_off_the_site(client, people):
    device = TOTPDevice.objects.create(user=people.admin, name="default")
    _password(client, people.admin)
    response = client.post(CODE, {"code": current_code(device), "next": "https://evil.example/"})
    assert response.url == reverse("home:home")


def test_first_sign_in_sets_up_the_app_with_a_qr_code(client, people):
    _password(client, people.admin)
    assert client.get(CODE).url.startswith(SETUP)
    page = client.get(SETUP)
    body = page.content.decode()
    assert "<svg" in body
    device = TOTPDevice.objects.get(user=people.admin)
    assert not device.confirmed
    response = client.post(SETUP, {"code": current_code(device)})
    assert response.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(reverse("home:home")).status_code == 200


def test_a_confirmed_device_cannot_be_replaced_with_the_password_alone(client, people):
    TOTPDevice.objects.create(user=people.admin, name="default")
    _password(client, people.admin)
    assert client.get(SETUP).url == CODE
    assert TOTPDevice.objects.filter(user=people.admin).count() == 1


def test_superusers_need_the_code_too(client, db):
    root = UserFactory(email="root@example.id", is_superuser=True)
    _password(client, root)
    assert client.get(reverse("home:home")).url.startswith(CODE)


def test_the_demo_admin_has_the_demo_key_and_the_command_prints_its_code(people):
    people.admin.email = "admin@inklusi.id"
    people.admin.save()
    device = load_demo_twofactor()
    assert load_demo_twofactor().pk == device.pk  # safe to run twice
    assert device.config_url.split("secret=")[1].startswith("JBSWY3DPEHPK3PXP")
    out = StringIO()
    call_command("totp_code", "admin@inklusi.id", stdout=out)
    assert out.getvalue().strip() == current_code(device)


def test_the_code_page_has_no_bell_that_would_be_refused(client, people):
    """Until the code is typed, the bell's fragment is refused (403), so the page shows none."""
    client.force_login(people.admin)
    page = client.get(reverse("accounts:two_factor")).text
    assert 'id="notif-badge"' not in page
