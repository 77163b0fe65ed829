import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from inklusi.api.services import create_token


@pytest.fixture(autouse=True)
def _fresh_cache():
    """The open-data files are cached; each test builds its own data."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def api():
    """api(user, read_only=False): a client sending a new token of `user`."""

    def _api(user, read_only=False, days=30):
        _token, raw = create_token(user, "test", days=days, read_only=read_only)
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {raw}")
        return client

    return _api
