"""A trigram index on `search_text` for the type-ahead's `LIKE '%word%'`, PostgreSQL only.

Other databases (SQLite in development and tests) skip it: a scan of 83,762 rows is fast
there, see docs/performance.md. pg_trgm is a trusted extension: the database owner may
create it without being a superuser.
"""

from django.db import migrations

INDEX = "regions_region_search_text_trgm"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON regions_region "
            "USING gin (search_text gin_trgm_ops)"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("regions", "0001_initial")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
