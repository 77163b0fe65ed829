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
from django.db.models.signals import pre_save
from django.utils.encoding import smart_str

PARENT_KEY = "parent"


def record_key(instance_or_model, pk=None):
    """`"plans.plan:5"`: how an entry names the record it belongs to."""
    return f"{instance_or_model._meta.label_lower}:{instance_or_model.pk if pk is None else pk}"


def part_of(parent_model, parent_pk):
    """The `additional_data` of an entry of a record that is part of another."""
    return {PARENT_KEY: record_key(parent_model, parent_pk)}


def _context(actor):
    """(actor, remote address, port) of the entries: the request's, or `actor` given by a task."""
    try:
        context = auditlog_value.get()
    except LookupError:  # outside a request: a command or a task
        context = {}
    # auditlog's set_actor leaves its value behind when the block ends (it only disconnects its
    # pre_save receiver), so a value whose receiver is gone belongs to a finished request.
    if not any(receiver[0][0] == context.get("signal_duid") for receiver in pre_save.receivers):
        context = {}
    return actor or context.get("actor"), context.get("remote_addr"), context.get("remote_port")


def _bulk_entries(rows, action, actor):
    """One bulk insert of the entries of `rows`, pairs of (record, its changes)."""
    log_entry = get_logentry_model()
    actor, remote_addr, remote_port = _context(actor)
    cid = get_cid()
    entries = []
    for obj, changes in rows:
        additional = getattr(obj, "get_additional_data", None)
        entries.append(
            log_entry(
                content_type=ContentType.objects.get_for_model(obj),
                object_pk=smart_str(obj.pk),
                object_id=obj.pk if isinstance(obj.pk, int) else None,
                object_repr=smart_str(obj),
                action=action,
                changes=changes,
                actor=actor,
                actor_email=getattr(actor, "email", None),
                remote_addr=remote_addr,
                remote_port=remote_port,
                cid=cid,
                additional_data=additional() if callable(additional) else None,
            )
        )
    return log_entry.objects.bulk_create(entries)


def _diff(before, after):
    return model_instance_diff(
        before, after, use_json_for_changes=settings.AUDITLOG_STORE_JSON_CHANGES
    )


def record_created(objs, actor=None):
    """Write a "created" audit entry for each saved row of a registered model in `objs` (rows
    that `bulk_create` inserted), in one bulk insert. `actor` names the person where no
    request does (a task). Returns the entries written."""
    if auditlog_disabled.get():
        return []
    rows = [
        (obj, _diff(None, obj))
        for obj in objs
        if obj.pk is not None and auditlog.contains(type(obj))
    ]
    return _bulk_entries(rows, get_logentry_model().Action.CREATE, actor)


def record_bulk_updated(objs, actor=None, stored=None):
    """Write an "updated" audit entry for each row of `objs` that a `bulk_update` is about to
    write (call it just before): the stored rows (`stored`, pk → instance, when the caller
    read them already; else read in one query) are compared with the instances; unchanged
    rows get none. Returns the entries written."""
    objs = [obj for obj in objs if obj.pk is not None and auditlog.contains(type(obj))]
    if auditlog_disabled.get() or not objs:
        return []
    if stored is None:
        stored = type(objs[0])._default_manager.in_bulk([obj.pk for obj in objs])
    rows = [(obj, _diff(stored.get(obj.pk), obj)) for obj in objs]
    return _bulk_entries(
        [(obj, changes) for obj, changes in rows if changes],
        get_logentry_model().Action.UPDATE,
        actor,
    )


def record_updated(before, after):
    """Write an "updated" audit entry for a row that `QuerySet.update()` changed (no signal):
    `before` the instance as it was, `after` as read back. None if nothing changed."""
    if auditlog_disabled.get() or not auditlog.contains(type(after)):
        return None
    changes = _diff(before, after)
    if not changes:
        return None
    log_entry = get_logentry_model()
    return log_entry.objects.log_create(after, action=log_entry.Action.UPDATE, changes=changes)
