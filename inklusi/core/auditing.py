"""The audit trail's helpers for writes that fire no signals, and for records that belong to
another record (docs/architecture.md, "Who did what").

django-auditlog writes an entry for each `save()` and `delete()` of a registered model (the list
is `AUDITLOG_INCLUDE_TRACKING_MODELS` in settings), with the person and the address that
`AuditlogMiddleware` took from the request. `bulk_create` fires no signal, so a service that
bulk-creates registered rows calls `record_created(rows)` afterwards: one bulk insert of their
entries, with the same person and address; a `QuerySet.update()` of one row (a claim that must
not overwrite) calls `record_updated(before, after)`.

A record that is part of another (a plan's budget line, a training's session) says so with
`get_additional_data()`, which auditlog stores with each entry; the parent's history page shows
its parts' entries too:

    def get_additional_data(self):
        return part_of(Plan, self.plan_id)
"""

from auditlog import get_logentry_model
from auditlog.cid import get_cid
from auditlog.context import auditlog_disabled, auditlog_value
from auditlog.diff import model_instance_diff
from auditlog.registry import auditlog
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils.encoding import smart_str

PARENT_KEY = "parent"


def record_key(instance_or_model, pk=None):
    """`"plans.plan:5"`: how an entry names the record it belongs to."""
    return f"{instance_or_model._meta.label_lower}:{instance_or_model.pk if pk is None else pk}"


def part_of(parent_model, parent_pk):
    """The `additional_data` of an entry of a record that is part of another."""
    return {PARENT_KEY: record_key(parent_model, parent_pk)}


def record_created(objs):
    """Write a "created" audit entry for each saved row of a registered model in `objs` (rows
    that `bulk_create` inserted), in one bulk insert. Returns the entries written."""
    if auditlog_disabled.get():
        return []
    log_entry = get_logentry_model()
    try:
        context = auditlog_value.get()
    except LookupError:  # outside a request: a command or a task
        context = {}
    actor = context.get("actor")
    cid = get_cid()
    entries = []
    for obj in objs:
        if obj.pk is None or not auditlog.contains(type(obj)):
            continue
        additional = getattr(obj, "get_additional_data", None)
        entries.append(
            log_entry(
                content_type=ContentType.objects.get_for_model(obj),
                object_pk=smart_str(obj.pk),
                object_id=obj.pk if isinstance(obj.pk, int) else None,
                object_repr=smart_str(obj),
                action=log_entry.Action.CREATE,
                changes=model_instance_diff(
                    None, obj, use_json_for_changes=settings.AUDITLOG_STORE_JSON_CHANGES
                ),
                actor=actor,
                actor_email=getattr(actor, "email", None),
                remote_addr=context.get("remote_addr"),
                remote_port=context.get("remote_port"),
                cid=cid,
                additional_data=additional() if callable(additional) else None,
            )
        )
    return log_entry.objects.bulk_create(entries)


def record_updated(before, after):
    """Write an "updated" audit entry for a row that `QuerySet.update()` changed (no signal):
    `before` the instance as it was, `after` as read back. None if nothing changed."""
    if auditlog_disabled.get() or not auditlog.contains(type(after)):
        return None
    changes = model_instance_diff(
        before, after, use_json_for_changes=settings.AUDITLOG_STORE_JSON_CHANGES
    )
    if not changes:
        return None
    log_entry = get_logentry_model()
    return log_entry.objects.log_create(after, action=log_entry.Action.UPDATE, changes=changes)
