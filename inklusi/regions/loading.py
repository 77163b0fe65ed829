"""Loading the shipped Kemendagri region lists into the database."""

import csv
import gzip
from pathlib import Path

from django.db import transaction

from .models import Region, level_of

DATA_DIR = Path(__file__).resolve().parent / "data"
FILES = ["provinces", "regencies", "districts", "villages"]


def read_rows(name, data_dir=DATA_DIR):
    """(code, name) pairs of one shipped list, in file order."""
    with gzip.open(data_dir / f"{name}.csv.gz", "rt", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            yield row["code"].strip(), row["name"].strip()


@transaction.atomic
def load_regions(data_dir=DATA_DIR, batch_size=2000):
    """Insert or update every region; returns the count per level. Safe to run again."""
    names = {}
    counts = {}
    for level, file_name in enumerate(FILES, start=1):
        batch = []
        for code, name in read_rows(file_name, data_dir):
            if level_of(code) != level:
                raise ValueError(f"{file_name}: code {code!r} is not a level-{level} code")
            names[code] = name
            parent = code.rsplit(".", 1)[0] if level > 1 else None
            if parent is not None and parent not in names:
                raise ValueError(f"{file_name}: {code} has no parent {parent}")
            lineage = [name]
            ancestor = parent
            while ancestor:
                lineage.append(names[ancestor])
                ancestor = ancestor.rsplit(".", 1)[0] if "." in ancestor else None
            batch.append(
                Region(
                    code=code,
                    name=name,
                    level=level,
                    parent_id=parent,
                    search_text=" | ".join(lineage).lower()[:255],
                )
            )
        for start in range(0, len(batch), batch_size):
            Region.objects.bulk_create(
                batch[start : start + batch_size],
                update_conflicts=True,
                unique_fields=["code"],
                update_fields=["name", "level", "parent", "search_text"],
            )
        counts[file_name] = len(batch)
    return counts
