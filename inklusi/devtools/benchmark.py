"""Timing pages through the real views, for the benchmark commands (`bench_*`)."""

import math
import statistics
import time


def percentile(values, fraction):
    """Nearest-rank percentile of a non-empty list."""
    ordered = sorted(values)
    rank = max(1, math.ceil(fraction * len(ordered)))
    return ordered[rank - 1]


def time_get(client, url, params=None, runs=20):
    """Milliseconds per GET of `url` over `runs` requests, after one warm-up that must
    answer 200. Streaming responses are read to the end, as a browser would."""

    def get():
        response = client.get(url, params or {})
        if response.streaming:
            for _chunk in response.streaming_content:
                pass
        return response

    response = get()
    if response.status_code != 200:
        raise RuntimeError(f"{url} {params or ''} answered {response.status_code}")
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        get()
        times.append((time.perf_counter() - started) * 1000)
    return times


def summary(times):
    return {"median": statistics.median(times), "p95": percentile(times, 0.95)}


def write_table(write, title, rows, width=44):
    """rows: (label, times); writes median and p95 per row in milliseconds."""
    write(title)
    write(f"{'':<{width}} {'median':>8} {'p95':>8}")
    for label, times in rows:
        figures = summary(times)
        write(f"{label:<{width}} {figures['median']:>8.1f} {figures['p95']:>8.1f}")
