"""Writes say what they changed; derived tables refresh once, in the same transaction.

A write service wraps its work in `with derived.changes():` and calls
`derived.touch(library, months)` for every (library, month) it changes. When the outermost
block ends (it opens or joins the transaction), every refresher registered with `on_changes`
gets the touched keys once, still inside the transaction, so a derived table never lags
behind the data and a write that changes several rows refreshes once.

The dashboard's summaries (`monitoring.summaries`) register themselves when the app is ready:
this module sits in the bottom package so that the apps that write (activities, reports,
libraries) need not import the dashboard, which reads them.
"""

import threading
from collections import defaultdict
from contextlib import contextmanager

from django.db import transaction

# Stands, in a library's set of months, for all the months the derived tables hold for it.
EVERY_MONTH = "every month"

# Touched keys of the open `changes()` block of this thread: {library id: months}.
_open = threading.local()
_refreshers = []


def on_changes(refresher):
    """Register `refresher(keys)`, called with {library id: set of months} at the end of
    each outermost `changes()` block that touched anything."""
    if refresher not in _refreshers:
        _refreshers.append(refresher)


@contextmanager
def changes():
    """Collect the keys `touch` names inside the block; inner blocks join the outer one."""
    if getattr(_open, "keys", None) is not None:
        yield
        return
    with transaction.atomic():
        _open.keys = keys = defaultdict(set)
        try:
            yield
        finally:
            _open.keys = None
        if keys:
            for refresher in _refreshers:
                refresher(dict(keys))


def touch(library, months=EVERY_MONTH):
    """Mark `months` (any day in each) of `library` (a Library or its id) for the refresh at
    the end of the open `changes()` block; without months, every month it has rows for (a
    library that moved, changed status or joining date, or was deleted); with `months=()`,
    none: only the library itself is counted again (new, or moved on the map)."""
    keys = getattr(_open, "keys", None)
    if keys is None:
        raise RuntimeError("derived.touch() outside a `with derived.changes():` block")
    library_id = getattr(library, "pk", library)
    keys[library_id] |= {months} if months == EVERY_MONTH else set(months)
