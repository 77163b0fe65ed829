"""Every saved or deleted report and activity refreshes its library's summary rows for its
month (and for its old month, when the edit moved it)."""

from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from inklusi.activities.models import Activity
from inklusi.libraries.models import Library
from inklusi.reports.models import MonthlyReport

from . import summaries

DATE_FIELD = {MonthlyReport: "month", Activity: "starts_on"}


def _stored_key(sender, instance):
    """(library id, date) of the row as the database holds it, or None for a new row."""
    if instance.pk is None:
        return None
    return (
        sender.objects.filter(pk=instance.pk).values_list("library_id", DATE_FIELD[sender]).first()
    )


@receiver(pre_save, sender=MonthlyReport)
@receiver(pre_save, sender=Activity)
def remember_stored_key(sender, instance, raw=False, **kwargs):
    if not raw:
        instance._monitoring_stored_key = _stored_key(sender, instance)


@receiver(post_save, sender=MonthlyReport)
@receiver(post_save, sender=Activity)
def refresh_after_save(sender, instance, raw=False, **kwargs):
    if raw:
        return
    keys = {(instance.library_id, getattr(instance, DATE_FIELD[sender]))}
    stored = getattr(instance, "_monitoring_stored_key", None)
    if stored:
        keys.add(stored)
    _refresh(sender, keys)


@receiver(post_delete, sender=MonthlyReport)
@receiver(post_delete, sender=Activity)
def refresh_after_delete(sender, instance, **kwargs):
    _refresh(sender, {(instance.library_id, getattr(instance, DATE_FIELD[sender]))})


def _refresh(sender, keys):
    for library_id in {library_id for library_id, _ in keys}:
        summaries.refresh(library_id, {day for pk, day in keys if pk == library_id})
        if sender is Activity:
            summaries.refresh_last_activity(library_id)


# What a library's summary rows depend on.
LIBRARY_FIELDS = ("region_id", "status", "joined_on")


@receiver(pre_save, sender=Library)
def remember_library(sender, instance, raw=False, **kwargs):
    if not raw and instance.pk is not None:
        instance._monitoring_stored = (
            Library.objects.filter(pk=instance.pk).values_list(*LIBRARY_FIELDS).first()
        )


@receiver(post_save, sender=Library)
def refresh_library(sender, instance, created, raw=False, **kwargs):
    """A library that moved, changed status or joining date has its rows written again. Its
    save also wrote back the `last_activity_on` it was loaded with, which an activity saved
    since may have changed: that is put right too."""
    if created or raw:
        return
    now = tuple(getattr(instance, name) for name in LIBRARY_FIELDS)
    if getattr(instance, "_monitoring_stored", None) != now:
        summaries.refresh_library(instance.pk)
    summaries.refresh_last_activity(instance.pk)
