"""Training tests read messages in English, the source language."""

import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def english(client):
    client.cookies["django_language"] = "en"
    with translation.override("en"):
        yield
