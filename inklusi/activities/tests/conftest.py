"""Activity tests read messages in English, the source language; uploads go to a temporary
folder."""

import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def english(client):
    client.cookies["django_language"] = "en"
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
