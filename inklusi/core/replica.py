"""Reads that may go to a read replica: the dashboards and the exports.

With DATABASE_REPLICA_URL set, `settings.DATABASES["replica"]` exists and every read made
inside `replica_reads()` goes there; writes, and reads anywhere else, stay on "default". Only
pages that show figures opt in (`READ_REPLICA_NAMESPACES`), because a replica lags its primary
by a moment and a form that saves and then re-reads must see its own write. Without a replica
configured nothing changes.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.db import connections

_reading_replica = ContextVar("reading_replica", default=False)


@contextmanager
def replica_reads():
    token = _reading_replica.set(True)
    try:
        yield
    finally:
        _reading_replica.reset(token)


def reading_replica():
    return _reading_replica.get()


def replica_configured():
    return "replica" in connections.settings


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        if _reading_replica.get() and replica_configured():
            return "replica"
        return None

    def db_for_write(self, model, **hints):
        return None

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the replica holds the same rows as the primary

    def allow_migrate(self, db, app_label, **hints):
        return db != "replica"


class ReplicaReadsMiddleware:
    """GET and HEAD requests to the namespaces in READ_REPLICA_NAMESPACES read from the replica."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        token = getattr(request, "_replica_token", None)
        if token is not None:
            _reading_replica.reset(token)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        namespace = request.resolver_match.namespace if request.resolver_match else ""
        if request.method in ("GET", "HEAD") and namespace in settings.READ_REPLICA_NAMESPACES:
            request._replica_token = _reading_replica.set(True)
