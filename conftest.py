"""Shared test fixtures: a small real region tree, factories and one persona per role.

Personas (see `people`): a national admin, the Sumatera Selatan province coordinator, the
Banyuasin regency coordinator and facilitator, the manager of one Banyuasin village library,
a Banyuasin read-only viewer, and "charlie", who coordinates Palembang: outside Banyuasin.
"""

import pytest

from inklusi.testing import factories


@pytest.fixture
def regions(db):
    return factories.region_tree()


@pytest.fixture
def libraries(regions):
    return factories.demo_libraries(regions)


@pytest.fixture
def people(libraries):
    return factories.personas(libraries)


@pytest.fixture
def login(client):
    """login(user) logs the test client in as `user` and returns the client."""

    def _login(user):
        client.force_login(user)
        return client

    return _login
