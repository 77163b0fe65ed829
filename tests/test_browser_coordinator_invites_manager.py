"""Journey: a regency coordinator invites the manager of a village library, who accepts the
e-mailed link on a phone, sets a password and lands on the library's home."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from inklusi.accounts.models import Role, RoleAssignment

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_coordinator_invites_a_manager_who_accepts(people, libraries, phone, phone_login):
    page = phone_login("banyuasin@example.id")
    page.goto(page.base_url + reverse("team:invite"))
    page.fill("input[name=email]", "Pengelola.Baru@Example.id")
    page.fill("input[name=full_name]", "Nur Pengelola Baru")
    page.select_option("select[name=role]", Role.LIBRARY_MANAGER)
    assert page.is_hidden("#id_region")  # a manager holds a library, not a region
    page.fill("#id_library", "sukajadi")
    page.click(f"[data-pick-value='{libraries.sukajadi.pk}']")
    page.click("main button[type=submit]")
    page.wait_for_url(page.base_url + reverse("team:team"))
    assert "pengelola.baru@example.id" in page.content()

    (message,) = mail.outbox
    link = re.search(r"https?://\S+/akun/undangan/\S+/", message.body).group(0)
    page.context.clear_cookies()  # the invited person opens the link on their own phone

    page.goto(link)
    page.fill("input[name=full_name]", "Nur Pengelola")
    page.fill("input[name=password1]", "taman-bacaan-2026")
    page.fill("input[name=password2]", "taman-bacaan-2026")
    page.click("main button[type=submit]")
    page.wait_for_url(page.base_url + "/")
    assert "Perpustakaan Desa Sukajadi" in page.content()
    assignment = RoleAssignment.objects.get(user__email="pengelola.baru@example.id")
    assert (assignment.role, assignment.library) == (Role.LIBRARY_MANAGER, libraries.sukajadi)
