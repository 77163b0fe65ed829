"""An index for a record's history page on PostgreSQL: the entries of its parts are found by
`additional_data -> 'parent'` (inklusi.core.auditing.part_of). SQLite scans, which is fine for
the small installs it serves."""

from django.db import migrations

INDEX = "audit_logentry_parent"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON auditlog_logentry "
            "((additional_data -> 'parent'))"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("auditlog", "0017_add_actor_email")]

    operations = [migrations.RunPython(create, drop)]
