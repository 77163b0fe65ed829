"""Odd input anywhere answers with a message or a 4xx, never a 500 (PostgreSQL included)."""

import pytest
from django.test import Client
from django.urls import reverse


@pytest.mark.parametrize(
    "url",
    [
        "/wilayah/%00/",
        "/wilayah/16.07%00/",
        "/wilayah/cari/?q=ab%00",
        "/wilayah/cari/?q=" + "x" * 5000,
        "/perpustakaan/?q=a%00b",
        "/perpustakaan/?region=16%00",
        "/perpustakaan/?region=16%25",
        "/perpustakaan/?cohort=99999999999999999999",
        "/perpustakaan/?page=-1",
        "/perpustakaan/cari/?q=ab%00",
        "/perpustakaan/unduh.csv?q=%00",
        "/perpustakaan/unduh.xlsx?status=nonsense",
        "/akun/undang/?library=%00",
        "/akun/undang/?library=abc&role=nonsense",
        "/akun/undangan/ab%00cd/",
    ],
)
def test_odd_addresses_get_a_clear_answer(people, login, url):
    response = login(people.admin).get(url)
    if response.streaming:
        b"".join(response.streaming_content)
    assert response.status_code in (200, 400, 404, 410)


def test_nul_in_a_form_is_a_form_error(people, libraries, login):
    url = reverse("libraries:edit", args=[libraries.air_batu.pk])
    response = login(people.admin).post(url, {"name": "Perpustakaan\x00", "kind": "village"})
    assert response.status_code == 200
    assert "name" in response.context["form"].errors
    response = Client().post(reverse("accounts:login"), {"username": "a\x00@x.id", "password": "x"})
    assert response.status_code == 200
