"""Reading captured queries in tests."""

from contextlib import contextmanager

from django.db import connection
from django.test.utils import CaptureQueriesContext


class Captured(CaptureQueriesContext):
    @property
    def summary_refreshes(self):
        """How many times the dashboard's summaries were refreshed: each refresh of a library
        starts by deleting its LibraryMonth rows of the months it rewrites."""
        start = 'DELETE FROM "monitoring_librarymonth"'
        return sum(q["sql"].startswith(start) for q in self.captured_queries)


@contextmanager
def captured_queries():
    with Captured(connection) as captured:
        yield captured
