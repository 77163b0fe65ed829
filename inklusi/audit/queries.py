"""Reading the audit trail (django-auditlog's `LogEntry`): a record's history, and the
national search. The entries themselves are written by auditlog's signals and by
`inklusi.core.auditing.record_created`."""

from auditlog.models import LogEntry
from auditlog.registry import auditlog
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.http import Http404

from inklusi.core.auditing import PARENT_KEY, record_key


def audited_models():
    """The registered models, as (label, verbose name plural), sorted by name."""
    models = [(m._meta.label_lower, m._meta.verbose_name_plural) for m in auditlog.get_models()]
    return sorted(models, key=lambda item: str(item[1]).lower())


def audited_model(label):
    """The registered model named `label` ("plans.plan"); 404 for anything else."""
    try:
        model = apps.get_model(label)
    except (LookupError, ValueError):
        raise Http404 from None
    if not auditlog.contains(model):
        raise Http404
    return model


def record_for_history(model, scope, pk):
    """The record, if the user may change it (its history is for its editors); 404 outside.
    A kind with no scope of its own (a person's account) is for the national admin only."""
    if hasattr(model.objects, "get_for"):
        return model.objects.get_for(scope, pk, for_edit=True)
    if not scope.is_national:
        raise Http404
    record = model._default_manager.filter(pk=pk).first()
    if record is None:
        raise Http404
    return record


def entries():
    return LogEntry.objects.select_related("actor", "content_type").order_by("-timestamp", "-pk")


def history_of(record):
    """The entries of the record and of its parts (a plan's budget lines, a partner's
    agreements), newest first."""
    content_type = ContentType.objects.get_for_model(record)
    return entries().filter(
        Q(content_type=content_type, object_pk=str(record.pk))
        | Q(**{f"additional_data__{PARENT_KEY}": record_key(record)})
    )


def search(*, user="", model="", since=None, until=None, text=""):
    """The national search: by who (name or e-mail), kind of record, day range and text
    (in the record's name or in the values before and after)."""
    found = entries()
    if user:
        found = found.filter(
            Q(actor__email__icontains=user)
            | Q(actor__full_name__icontains=user)
            | Q(actor_email__icontains=user)
        )
    if model:
        app_label, model_name = model.split(".")
        found = found.filter(content_type__app_label=app_label, content_type__model=model_name)
    if since:
        found = found.filter(timestamp__date__gte=since)
    if until:
        found = found.filter(timestamp__date__lte=until)
    if text:
        found = found.filter(Q(object_repr__icontains=text) | Q(changes__icontains=text))
    return found
