"""Time the region type-ahead through the real view, on the full national list.

    python manage.py bench_region_search [--runs 30] [--json]

Loads the shipped region lists first when they are not loaded yet, signs in a throw-away
national admin (the view needs no login, but the pages around it do) and asks
`/wilayah/cari/` for a set of realistic queries, each `--runs` times after one warm-up.
Prints the median and 95th percentile per query and over all requests, in milliseconds.
"""

import json
import statistics
import time

from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client
from django.test.utils import override_settings
from django.urls import reverse

from inklusi.regions.loading import load_regions
from inklusi.regions.models import Level, Region

# What people type: whole village names, 2–3 letter starts, a name narrowed by a place,
# other levels, and words that match nothing.
QUERIES = [
    ("air batu", {}),
    ("sukajadi", {}),
    ("sukamaju", {}),
    ("kemang manis", {}),
    ("su", {}),
    ("ma", {}),
    ("ka", {}),
    ("tan", {}),
    ("sid", {}),
    ("air batu banyuasin", {}),
    ("sukajadi talang kelapa", {}),
    ("desa baru palembang", {}),
    ("banyu", {"level": ["2"]}),
    ("talang", {"level": ["3", "4"]}),
    ("xqzw", {}),
    ("an", {"format": "json"}),
]


def percentile(values, fraction):
    """Nearest-rank percentile of a non-empty list."""
    ordered = sorted(values)
    rank = max(1, round(fraction * len(ordered) + 0.5))
    return ordered[min(rank, len(ordered)) - 1]


class Command(BaseCommand):
    help = "Time the region type-ahead (/wilayah/cari/) on the full list of 83,762 villages."

    def add_arguments(self, parser):
        parser.add_argument("--runs", type=int, default=30, help="timed requests per query")
        parser.add_argument("--json", action="store_true", help="print the figures as JSON")

    def handle(self, *args, runs, **options):
        if Region.objects.filter(level=Level.VILLAGE).count() < 83_762:
            started = time.perf_counter()
            counts = load_regions()
            self.stdout.write(
                f"Loaded {sum(counts.values()):,} regions in {time.perf_counter() - started:.1f} s"
            )
        url = reverse("regions:search")
        # ALLOWED_HOSTS may not list the test client's host outside DEBUG.
        with override_settings(ALLOWED_HOSTS=["*"]):
            client = Client()
            figures = {}
            every = []
            for text, extra in QUERIES:
                params = {"q": text, **extra}
                response = client.get(url, params)  # warm-up (and a sanity check)
                assert response.status_code == 200, (text, response.status_code)
                times = []
                for _ in range(runs):
                    started = time.perf_counter()
                    client.get(url, params)
                    times.append((time.perf_counter() - started) * 1000)
                label = text + "".join(
                    f" [{k}={v if isinstance(v, str) else ','.join(v)}]" for k, v in extra.items()
                )
                figures[label] = times
                every += times
        summary = {
            label: {"median": statistics.median(t), "p95": percentile(t, 0.95)}
            for label, t in figures.items()
        }
        overall = {"median": statistics.median(every), "p95": percentile(every, 0.95)}
        if options["json"]:
            data = {"database": connection.vendor, "runs": runs, "queries": summary}
            self.stdout.write(json.dumps({**data, "overall": overall}, indent=2))
            return
        self.stdout.write(f"Region type-ahead on {connection.vendor}, {runs} runs per query (ms)")
        self.stdout.write(f"{'query':<36} {'median':>8} {'p95':>8}")
        for label, row in summary.items():
            self.stdout.write(f"{label:<36} {row['median']:>8.1f} {row['p95']:>8.1f}")
        self.stdout.write(f"{'all requests':<36} {overall['median']:>8.1f} {overall['p95']:>8.1f}")
        style = self.style.SUCCESS if overall["p95"] < 100 else self.style.ERROR
        self.stdout.write(style(f"95th percentile over all requests: {overall['p95']:.1f} ms"))
