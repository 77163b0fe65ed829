"""One library's card: the score, each part's records, and who gets links to private ones."""

import pytest
from django.urls import reverse

from inklusi.scores import services

from .helpers import Q3, frozen, third_quarter


@pytest.fixture
def scored(libraries, monkeypatch):
    frozen(monkeypatch)
    held = third_quarter(libraries.air_batu)
    services.refresh(Q3)
    return held


def test_the_card_explains_each_part(scored, libraries, people, login):
    response = login(people.manager).get(reverse("scores:library", args=[libraries.air_batu.pk]))
    assert response.status_code == 200
    text = response.text
    assert ">56<" in text
    assert reverse("activities:detail", args=[scored[0].pk]) in text
    # The advocacy meeting is linked for the library's people.
    assert "/advokasi/" in text


def test_a_viewer_gets_no_link_to_the_advocacy_log(scored, libraries, people, login):
    response = login(people.viewer).get(reverse("scores:library", args=[libraries.air_batu.pk]))
    assert response.status_code == 200
    assert "/advokasi/" not in response.text
    assert "Bappeda" not in response.text


def test_a_quarter_without_a_card_says_so(scored, libraries, people, login):
    url = reverse("scores:library", args=[libraries.air_batu.pk]) + "?triwulan=2026-Q1"
    response = login(people.manager).get(url)
    assert response.status_code == 200
    assert response.context["card"] is None
