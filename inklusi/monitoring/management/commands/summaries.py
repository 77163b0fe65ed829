"""Check the dashboard's summary tables (the survey results' too) against the raw data, or
write them again.

python manage.py summaries --check      # exit status 1 if any table differs
python manage.py summaries --rebuild    # after a bulk change that bypassed the services
"""

import time

from django.core.management.base import BaseCommand, CommandError

from inklusi.monitoring import summaries
from inklusi.surveys import summaries as survey_summaries


class Command(BaseCommand):
    help = "Check the monitoring summary tables against the raw data, or rebuild them."

    def add_arguments(self, parser):
        group = parser.add_mutually_exclusive_group(required=True)
        group.add_argument("--check", action="store_true")
        group.add_argument("--rebuild", action="store_true")

    def handle(self, *args, check=False, rebuild=False, **options):
        started = time.perf_counter()
        if rebuild:
            summaries.rebuild()
            survey_summaries.rebuild()
            self.stdout.write(f"Summaries rebuilt in {time.perf_counter() - started:.1f} s")
            return
        differences = summaries.check() | survey_summaries.check()
        for table, (stored_only, fresh_only) in differences.items():
            self.stdout.write(
                f"{table:<34} only stored: {stored_only:>8}   only in raw data: {fresh_only:>8}"
            )
        self.stdout.write(f"Checked in {time.perf_counter() - started:.1f} s")
        if any(any(counts) for counts in differences.values()):
            raise CommandError("The summaries differ from the raw data: run --rebuild.")
