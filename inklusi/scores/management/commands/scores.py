from django.core.management.base import BaseCommand, CommandError

from inklusi.scores import quarters, services


class Command(BaseCommand):
    help = (
        "Score the libraries' KPI cards now, as the nightly task does: the last complete "
        "quarter and the one before, or the quarters given (e.g. 2026-Q2)."
    )

    def add_arguments(self, parser):
        parser.add_argument("quarter", nargs="*", help="A complete quarter, such as 2026-Q2.")

    def handle(self, *args, **options):
        if options["quarter"]:
            chosen = [quarters.parse(text) for text in options["quarter"]]
            if None in chosen:
                raise CommandError("Give complete quarters, such as 2026-Q2.")
            written = {quarter: services.refresh(quarter) for quarter in chosen}
        else:
            written = services.refresh_recent()
        for quarter, count in written.items():
            self.stdout.write(f"{quarters.text(quarter)}: {count} KPI cards scored.")
