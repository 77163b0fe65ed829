from django.db import migrations


def fill(apps, schema_editor):
    """Summaries of the data already there (runs right after the tables are made)."""
    from inklusi.monitoring.summaries import rebuild

    rebuild()


class Migration(migrations.Migration):
    dependencies = [
        ("monitoring", "0001_initial"),
        ("libraries", "0002_library_joined_on_last_activity_on"),
        ("reports", "0002_monthlyreport_filed_on_time"),
        ("activities", "0002_categories"),
    ]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
