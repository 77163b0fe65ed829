"""The public pages' content, kept in the cache until anything they show changes.

The public pages are the same for every visitor and read far more often than anything on them
changes, so their content is made once and kept (`remember`) under a key holding a version.
Every write a public page shows moves the version on once its transaction commits (`changed`):
activities, photos, reports and libraries through `core.derived` (registered by the public
app), stories and survey answers through their services.

What leaves the public pages (an activity unpublished, sent back, edited or deleted while
public, a photo's or a story's consent withdrawn) moves the version at once: it is gone from
every public page at the next request. What is added (a new activity, a month's report) moves
it at most once every PUBLIC_PAGES_LAG_SECONDS: with reports and activities arriving from
thousands of libraries every minute, the pages would otherwise be made again for nearly every
visitor. Entries of old versions expire by themselves after KEEP_SECONDS.

Only what is the same for everybody may be kept: the page's content, never the parts with the
visitor's own session (the language form's CSRF token, the menu), which are made per request.
"""

import hashlib
import logging
import time
from functools import partial, wraps

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.utils.translation import get_language

logger = logging.getLogger(__name__)

VERSION_KEY = "public:version"  # the version the pages are kept under: when it was set
ADDED_KEY = "public:added"  # when something was last added, maybe not in the version yet
KEEP_SECONDS = 600


def version():
    """The current version (made on first use; the cache keeps it without expiry). It moves
    on here when something was added since it was set and it is PUBLIC_PAGES_LAG_SECONDS
    old."""
    found = cache.get_many([VERSION_KEY, ADDED_KEY])
    current, added = found.get(VERSION_KEY), found.get(ADDED_KEY)
    if current is None:
        cache.add(VERSION_KEY, time.time_ns(), None)
        current = cache.get(VERSION_KEY)
    now = time.time_ns()
    if added is not None and added > current and now - current >= _lag_ns():
        cache.set(VERSION_KEY, now, None)
        current = now
    return current


def _lag_ns():
    return int(settings.PUBLIC_PAGES_LAG_SECONDS * 1_000_000_000)


def _note(key):
    try:
        cache.set(key, time.time_ns(), None)
    except Exception:  # the write is committed; the cache must not turn it into an error
        logger.exception("The public pages' cache could not be told of a change")


def changed(*_args):
    """Something was added to the public pages: they show it within
    PUBLIC_PAGES_LAG_SECONDS of the commit (`core.derived` calls this for every write)."""
    transaction.on_commit(partial(_note, ADDED_KEY))


def withdrawn():
    """Something left the public pages (or changed while public): every public page is made
    again at the next request after the commit."""
    transaction.on_commit(partial(_note, VERSION_KEY))


def remember(request, kind, build):
    """What `build()` makes for this page (its address with the query, in the visitor's
    language), from the cache when this version already made it. Without a cache (Redis
    down) the page is made every time, never refused."""
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()[:32]
    try:
        key = f"public:{version()}:{get_language()}:{kind}:{path}"
        found = cache.get(key)
    except Exception:
        logger.exception("The public pages' cache cannot be read")
        return build()
    if found is None:
        found = build()
        try:
            cache.set(key, found, KEEP_SECONDS)
        except Exception:
            logger.exception("The public pages' cache cannot be written")
    return found


def kept(view, kind):
    """`view` with its whole response kept, for pages with nothing per visitor (the feeds:
    no form, no session)."""

    @wraps(view)
    def kept_view(request, *args, **kwargs):
        def build():
            response = view(request, *args, **kwargs)
            return response.status_code, list(response.items()), response.content

        status, headers, body = remember(request, kind, build)
        return HttpResponse(body, status=status, headers=dict(headers))

    return kept_view
