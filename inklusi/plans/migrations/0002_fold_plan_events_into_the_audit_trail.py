"""The plans' own history (`PlanEvent`) moves into the audit trail: each event becomes an
auditlog entry on its plan, with its words in `additional_data` (see plans/history.py)."""

from django.db import migrations

CREATE, UPDATE = 0, 1


def copy_events(apps, schema_editor):
    PlanEvent = apps.get_model("plans", "PlanEvent")
    LogEntry = apps.get_model("auditlog", "LogEntry")
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not PlanEvent.objects.exists():
        return
    plan_type, _ = ContentType.objects.get_or_create(app_label="plans", model="plan")
    entries = []
    for event in PlanEvent.objects.select_related("plan__library", "user").iterator(chunk_size=2000):
        changes = list(event.changes or [])
        entries.append(
            LogEntry(
                content_type=plan_type,
                object_pk=str(event.plan_id),
                object_id=event.plan_id,
                object_repr=f"{event.plan.library.name} — {event.plan.year}",
                action=CREATE if event.kind == "created" else UPDATE,
                changes={c["field"]: [c.get("old", ""), c.get("new", "")] for c in changes},
                actor=event.user,
                actor_email=event.user.email if event.user else None,
                timestamp=event.at,
                additional_data={
                    "step": event.kind,
                    "target": event.target,
                    "subject": event.subject,
                    "text": event.text,
                    "section": event.section,
                    "changes": changes,
                },
            )
        )
        if len(entries) >= 2000:
            LogEntry.objects.bulk_create(entries)
            entries = []
    LogEntry.objects.bulk_create(entries)


class Migration(migrations.Migration):
    dependencies = [
        ("plans", "0001_initial"),
        ("auditlog", "0017_add_actor_email"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(copy_events, migrations.RunPython.noop),
        migrations.DeleteModel(name="PlanEvent"),
    ]
