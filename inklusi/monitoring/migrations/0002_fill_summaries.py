from django.db import migrations


def fill(apps, schema_editor):
    """Summaries of the data already there (runs right after the tables are made). The
    rebuild is today's code, which also writes tables made by later migrations: a fresh
    database has nothing to summarise and skips it."""
    from inklusi.monitoring.summaries import rebuild

    if apps.get_model("libraries", "Library").objects.exists():
        rebuild()


class Migration(migrations.Migration):
    dependencies = [
        ("monitoring", "0001_initial"),
        ("libraries", "0002_library_joined_on_last_activity_on"),
        ("reports", "0002_monthlyreport_filed_on_time"),
        ("activities", "0002_categories"),
    ]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
