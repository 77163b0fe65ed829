"""Move every stored upload to where its field puts a new one now: under private/ or out of
it (core/storage.py). Run it once after upgrading to private files, and any time after a bulk
change that skipped the services (a photo's activity unpublished by a queryset update). Safe
to run twice: a file already in place is left alone."""

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import models, transaction

from inklusi.core.storage import is_private, set_private


def file_fields():
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if isinstance(field, models.FileField):
                yield model, field


def should_be_private(instance, field):
    """What the field's upload_to would name a new file of this row: private or not."""
    return is_private(field.generate_filename(instance, "file"))


class Command(BaseCommand):
    help = "Move stored uploads into or out of the private prefix, as their fields say."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Count, move nothing.")

    def handle(self, *args, dry_run=False, **options):
        for model, field in file_fields():
            moved = 0
            rows = model._default_manager.exclude(**{field.name: ""}).order_by("pk")
            for instance in rows.iterator(chunk_size=500):
                stored = getattr(instance, field.name)
                private = should_be_private(instance, field)
                if is_private(stored.name) == private:
                    continue
                moved += 1
                if dry_run:
                    continue
                with transaction.atomic():
                    if set_private(stored, private):
                        instance.save(update_fields=[field.name])
            if moved:
                verb = "to move" if dry_run else "moved"
                label = f"{model._meta.label}.{field.name}"
                self.stdout.write(f"{label}: {moved} {verb}")
        self.stdout.write(self.style.SUCCESS("Done."))
