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
        "/pantauan/nasional/?cari=a%00b",
        "/pantauan/wilayah/16/?cari=" + "%25_" * 2000,
        "/notifikasi/?page=-1&belum=%00",
        "/notifikasi/berhenti/%00/",
        "/notifikasi/berhenti/" + "x" * 3000 + "/",
        "/notifikasi/gagal/?page=abc",
        "/unduhan/99999999999999999999/",
        "/impor/99999999999999999999/",
        "/impor/templat/%00.xlsx",
        "/impor/?page=%00",
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


def _named_routes(patterns=None, prefix="", namespace=""):
    """(name, route) of every named URL of the project's apps, with its converters."""
    from django.urls import URLPattern, URLResolver, get_resolver

    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace in ("admin", None) and not entry.app_name:
                continue
            yield from _named_routes(
                entry.url_patterns, prefix + str(entry.pattern), entry.namespace or namespace
            )
        elif isinstance(entry, URLPattern) and entry.name and namespace:
            yield f"{namespace}:{entry.name}", prefix + str(entry.pattern)


ODD_VALUES = [
    {"int": 2**40, "str": "xx", "path": "99.99.99"},
    {"int": 0, "str": "16.07", "path": "16.07"},
]
ODD_QUERY = "?q=a%00b&page=-1&month=2024-13&region=16%00&status=nonsense&library=abc&fmt=x"


def _odd_address(route, values):
    import re

    def fill(match):
        return str(values.get(match.group(1), "xx"))

    return "/" + re.sub(r"<(?:(\w+):)?\w+>", fill, route)


@pytest.mark.parametrize("values", ODD_VALUES)
def test_every_page_answers_odd_ids_and_queries_without_a_500(people, login, values):
    client = login(people.admin)
    checked = 0
    for name, route in _named_routes():
        url = _odd_address(route, values) + ODD_QUERY
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)
        assert response.status_code != 500, (name, url)
        checked += 1
    assert checked > 50


@pytest.mark.parametrize("url", ["/kegiatan/baru/", "/laporan/baru/"])
def test_a_posted_library_outside_the_scope_is_not_named_back(people, libraries, login, url):
    """A form shown again names the chosen library only if the user may pick it."""
    response = login(people.regency).post(url, {"library": libraries.medan.pk, "title": ""})
    assert response.status_code in (200, 404)
    assert libraries.medan.name not in response.content.decode()
