"""Public-page tests read English, the source language, and store photos in a temporary folder."""

import pytest
from django.utils import translation

from inklusi.activities.photos import add_photo, prepare_photo
from inklusi.testing.photos import jpeg_with_gps, upload


@pytest.fixture(autouse=True)
def english(client):
    client.cookies["django_language"] = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def photo(settings, tmp_path):
    """photo(activity, name, consent=True): a small photo added the way the upload form does."""
    settings.MEDIA_ROOT = tmp_path

    def _photo(activity, name, consent=True, caption=""):
        prepared = prepare_photo(upload(jpeg_with_gps((800, 600)), name=f"{name}.jpg"))
        return add_photo(activity, prepared, caption=caption, consent_to_publish=consent)

    return _photo
