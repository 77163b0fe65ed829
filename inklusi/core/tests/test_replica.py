"""Dashboards and exports read from the replica when one is configured; nothing else does."""

import pytest
from django.urls import reverse

from inklusi.accounts.twofactor import force_login_verified
from inklusi.core import replica
from inklusi.core.replica import ReplicaRouter, reading_replica, replica_reads


def test_without_a_replica_every_read_stays_on_default():
    assert not replica.replica_configured()
    with replica_reads():
        assert ReplicaRouter().db_for_read(None) is None


def test_reads_inside_replica_reads_go_to_the_replica_and_writes_never(monkeypatch):
    monkeypatch.setattr(replica, "replica_configured", lambda: True)
    router = ReplicaRouter()
    assert router.db_for_read(None) is None
    with replica_reads():
        assert router.db_for_read(None) == "replica"
        assert router.db_for_write(None) is None
    assert router.db_for_read(None) is None
    assert not router.allow_migrate("replica", "libraries")


@pytest.fixture
def seen_flags(monkeypatch):
    """Records, for every read the router is asked about, whether it would go to the replica."""
    flags = []
    original = ReplicaRouter.db_for_read

    def spy(self, model, **hints):
        flags.append(reading_replica())
        return original(self, model, **hints)

    monkeypatch.setattr(replica.ReplicaRouter, "db_for_read", spy)
    return flags


@pytest.mark.django_db
def test_the_dashboard_reads_from_the_replica(client, people, seen_flags):
    force_login_verified(client, people.admin)
    assert client.get(reverse("monitoring:nation")).status_code == 200
    assert True in seen_flags
    assert not reading_replica()  # reset after the request


@pytest.mark.django_db
def test_other_pages_and_every_post_read_from_the_primary(client, people, seen_flags):
    force_login_verified(client, people.admin)
    assert client.get(reverse("home:home")).status_code == 200
    client.post(reverse("monitoring:nation"))
    assert True not in seen_flags
