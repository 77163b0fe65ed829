"""Loading the shipped Kemendagri region lists into the database."""

import csv
import gzip
import re
from pathlib import Path

from django.db import connection, transaction

from .models import Region, search_text_of

DATA_DIR = Path(__file__).resolve().parent / "data"
FILES = ["provinces", "regencies", "districts", "villages"]
# A well-formed code at each level: 16, 16.07, 16.07.05, 16.07.05.2003.
CODE_PATTERNS = {
    level: re.compile(pattern)
    for level, pattern in enumerate(
        [r"\d{2}", r"\d{2}\.\d{2}", r"\d{2}\.\d{2}\.\d{2}", r"\d{2}\.\d{2}\.\d{2}\.\d{4}"],
        start=1,
    )
}


class RegionDataError(ValueError):
    """A shipped list is malformed; nothing was loaded."""


def read_rows(name, data_dir=DATA_DIR):
    """(code, name) pairs of one shipped list, in file order."""
    with gzip.open(data_dir / f"{name}.csv.gz", "rt", encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if not {"code", "name"} <= set(reader.fieldnames or ()):
            raise RegionDataError(f"{name}: the header must name the columns code and name")
        for line, row in enumerate(reader, start=2):
            code, text = (row["code"] or "").strip(), (row["name"] or "").strip()
            if not text:
                raise RegionDataError(f"{name}, line {line}: {code!r} has no name")
            yield code, text


@transaction.atomic
def load_regions(data_dir=DATA_DIR, batch_size=2000):
    """Insert or update every region; returns the count per level. Safe to run again.

    All or nothing: a malformed file raises `RegionDataError` and leaves the table as it was.
    """
    data_dir = Path(data_dir)
    names = {}
    counts = {}
    for level, file_name in enumerate(FILES, start=1):
        batch = []
        for code, name in read_rows(file_name, data_dir):
            if not CODE_PATTERNS[level].fullmatch(code):
                raise RegionDataError(f"{file_name}: {code!r} is not a level-{level} code")
            names[code] = name
            parent = code.rsplit(".", 1)[0] if level > 1 else None
            if parent is not None and parent not in names:
                raise RegionDataError(f"{file_name}: {code} has no parent {parent}")
            batch.append(
                Region(
                    code=code,
                    name=name,
                    level=level,
                    parent_id=parent,
                    search_text=search_text_of(code, names),
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
    with connection.cursor() as cursor:
        # Fresh statistics, so that the planners pick the type-ahead's indexes at once.
        cursor.execute(f"ANALYZE {Region._meta.db_table}")
    return counts
