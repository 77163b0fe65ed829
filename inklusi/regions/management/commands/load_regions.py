import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from inklusi.regions.loading import DATA_DIR, RegionDataError, load_regions


class Command(BaseCommand):
    help = "Load (or refresh) every Indonesian province, regency, district and village."

    def add_arguments(self, parser):
        parser.add_argument(
            "--data-dir", default=DATA_DIR, type=Path, help="folder of the four .csv.gz lists"
        )

    def handle(self, *args, data_dir, **options):
        started = time.perf_counter()
        try:
            counts = load_regions(data_dir)
        except (RegionDataError, OSError) as error:
            raise CommandError(f"Nothing loaded: {error}") from error
        elapsed = time.perf_counter() - started
        summary = ", ".join(f"{n:,} {name}" for name, n in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Regions loaded: {summary} in {elapsed:.1f} s"))
