"""Time the region type-ahead through the real view, on the full national list.

    python manage.py bench_region_search [--runs 30] [--json]

Loads the shipped region lists first when they are not loaded yet, signs in a throw-away
national admin (the view needs no login, but the pages around it do) and asks
`/wilayah/cari/` for a set of realistic queries, each `--runs` times after one warm-up.
Prints the median and 95th percentile per query and over all requests, in milliseconds.
"""

import json
import time

from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client
from django.test.utils import override_settings
from django.urls import reverse

from inklusi.devtools.benchmark import summary, time_get, write_table
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
                times = time_get(client, url, params, runs)
                label = text + "".join(
                    f" [{k}={v if isinstance(v, str) else ','.join(v)}]" for k, v in extra.items()
                )
                figures[label] = times
                every += times
        per_query = {label: summary(t) for label, t in figures.items()}
        overall = summary(every)
        if options["json"]:
            data = {"database": connection.vendor, "runs": runs, "queries": per_query}
            self.stdout.write(json.dumps({**data, "overall": overall}, indent=2))
            return
        write_table(
            self.stdout.write,
            f"Region type-ahead on {connection.vendor}, {runs} runs per query (ms)",
            [*figures.items(), ("all requests", every)],
            width=36,
        )
        style = self.style.SUCCESS if overall["p95"] < 100 else self.style.ERROR
        self.stdout.write(style(f"95th percentile over all requests: {overall['p95']:.1f} ms"))
