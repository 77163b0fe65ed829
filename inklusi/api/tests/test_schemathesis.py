"""Schemathesis against the live schema: every endpoint and method, with generated (and
malformed) requests of a national admin's write token, must never answer a server error nor
an answer that breaks the schema. Runs on SQLite and on PostgreSQL (`DATABASE_URL`) as the
rest of the suite does; few examples per endpoint keep it to seconds."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from inklusi.api.services import create_token
from inklusi.testing.factories import ActivityFactory, MonthlyReportFactory

EXAMPLES = 10


# The schema as the app serves it (read without the database: the schema view needs none).
schema = schemathesis.openapi.from_wsgi("/api/v1/schema/", get_wsgi_application())


@pytest.fixture
def kept_connection():
    """As Django's test client does: the start and end of a request do not close the
    database connection, which holds the test's transaction (on PostgreSQL it would be lost)."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@pytest.fixture
def admin_token(db, kept_connection, people, libraries):
    ActivityFactory(library=libraries.air_batu)
    MonthlyReportFactory(library=libraries.air_batu)
    _token, raw = create_token(people.admin, "schemathesis", days=1, read_only=False)
    return raw


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_no_server_error_and_every_answer_fits_the_schema(case, admin_token):
    case.call_and_validate(
        headers={"Authorization": f"Bearer {admin_token}"},
        checks=[not_a_server_error, response_schema_conformance],
    )
