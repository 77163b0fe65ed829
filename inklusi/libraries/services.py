"""Saving and deleting libraries. Every write of a library goes through here, so the
dashboard's summaries follow in the same transaction: a library's figures count in its region,
and its reports count as filed only while it is in the programme and from the month it joined.
"""

from inklusi.core import derived
from inklusi.core.auditing import record_bulk_updated, record_created

from .models import Library

# What a library's summary rows depend on.
SUMMARY_FIELDS = ("region_id", "status", "joined_on")
# What its region's counts depend on (`monitoring.library_counts`): those and its place.
COUNTED_FIELDS = (*SUMMARY_FIELDS, "latitude", "longitude")


def _touch_changed(library, stored):
    """Touch a library whose summary rows (all its months) or only its counts changed;
    `stored` is its COUNTED_FIELDS before the write, None for a new library."""
    now = tuple(getattr(library, f) for f in COUNTED_FIELDS)
    summary = len(SUMMARY_FIELDS)
    if stored is not None and stored[:summary] != now[:summary]:
        derived.touch(library)
    elif stored != now:
        derived.touch(library, months=())  # new, or moved on the map: only counted again


def save_library(library, *, assistance=None):
    """Save the library as its form filled it, with the formset of its `assistance` if given,
    together or not at all. A library that moved, changed status or joining date has all its
    summary rows written again; a new one, or one that moved on the map, is counted again."""
    with derived.changes():
        stored = None
        if not library._state.adding:
            stored = Library.objects.filter(pk=library.pk).values_list(*COUNTED_FIELDS).first()
        library.save()
        if assistance is not None:
            assistance.save()
        _touch_changed(library, stored)
    return library


def delete_libraries(libraries):
    """Delete the libraries with their reports and activities (the database cascades); their
    figures leave every region total."""
    with derived.changes():
        for library in libraries:
            derived.touch(library)  # before the deletion forgets its id
            library.delete()


def save_libraries(libraries, fields, *, user=None, batch_size=500):
    """Save many libraries at once (the spreadsheet import), each already cleaned as its form
    cleans it: new ones (no pk) are inserted, stored ones have `fields` written. A library that
    moved, changed status or joining date has all its summary rows written again, once, at the
    end; new ones are counted. Each gets its audit entry, in bulk, naming `user`."""
    libraries = list(libraries)
    new = [library for library in libraries if library.pk is None]
    stored = [library for library in libraries if library.pk is not None]
    with derived.changes():
        before = {
            row[0]: row[1:]
            for row in Library.objects.filter(pk__in=[library.pk for library in stored])
            .order_by()
            .values_list("pk", *COUNTED_FIELDS)
        }
        Library.objects.bulk_create(new, batch_size=batch_size)
        record_created(new, actor=user)
        if stored:
            record_bulk_updated(stored, actor=user)
            Library.objects.bulk_update(stored, [*fields, "updated_at"], batch_size=batch_size)
        for library in libraries:
            _touch_changed(library, before.get(library.pk))
    return libraries
