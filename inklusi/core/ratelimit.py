"""A per-person rate limit kept in the cache (local memory, a database cache or Redis alike).

    if not ratelimit.allow(f"announce:{user.pk}", limit=10, period=3600):
        ...  # say so and keep what was typed

Counts fall into fixed windows of `period` seconds; it is a brake on floods and double
posts, not an accounting: a cache restart forgets the counts.
"""

import time

from django.conf import settings
from django.core.cache import cache


def allow(key, limit, period):
    """Count one attempt under `key`; False when it is more than `limit` in this window."""
    window = f"ratelimit:{key}:{int(time.time() // period)}"
    if cache.add(window, 1, period):
        return limit >= 1
    try:
        count = cache.incr(window)
    except ValueError:  # expired between add and incr
        cache.set(window, 1, period)
        count = 1
    return count <= limit


def client_address(request):
    """The visitor's address for a limit on anonymous pages: behind our proxy
    (`BEHIND_PROXY`) the last X-Forwarded-For entry, the one nginx added, else the peer."""
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if settings.SECURE_PROXY_SSL_HEADER and forwarded:
        return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")
