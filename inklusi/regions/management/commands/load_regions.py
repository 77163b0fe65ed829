import time

from django.core.management.base import BaseCommand

from inklusi.regions.loading import load_regions


class Command(BaseCommand):
    help = "Load (or refresh) every Indonesian province, regency, district and village."

    def handle(self, *args, **options):
        started = time.perf_counter()
        counts = load_regions()
        elapsed = time.perf_counter() - started
        summary = ", ".join(f"{n:,} {name}" for name, n in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Regions loaded: {summary} in {elapsed:.1f} s"))
