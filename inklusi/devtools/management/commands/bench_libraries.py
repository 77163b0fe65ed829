"""Time the registry's pages at national scale: one library in every village of Indonesia.

    DATABASE_URL=... python manage.py bench_libraries [--runs 20]

Meant for a throw-away database: it loads the regions if missing, adds a library to each of
the 83,762 villages (names start with "Bench"; skipped when they are there already) and four
users (a national admin, the Sumatera Selatan coordinator, the Banyuasin coordinator, one
village manager), then asks each page through the real views and prints the median and 95th
percentile in milliseconds.
"""

import time

from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.test import Client
from django.test.utils import override_settings
from django.urls import reverse

from inklusi.accounts.models import Role, RoleAssignment, User
from inklusi.accounts.twofactor import force_login_verified
from inklusi.devtools.benchmark import time_get, write_table
from inklusi.libraries.models import Kind, Library, Status
from inklusi.regions.loading import load_regions
from inklusi.regions.models import Level, Region

PREFIX = "Bench"
STATUSES = list(Status.values)


def seed():
    """Libraries in every village and the four personas; returns seconds spent."""
    started = time.perf_counter()
    if Region.objects.filter(level=Level.VILLAGE).count() < 83_762:
        load_regions()
    villages = Region.objects.filter(level=Level.VILLAGE).values_list("code", "name")
    if Library.objects.filter(name__startswith=PREFIX).count() < 83_762:
        Library.objects.filter(name__startswith=PREFIX).delete()
        with transaction.atomic():
            batch = []
            for number, (code, name) in enumerate(villages.iterator(chunk_size=5000)):
                batch.append(
                    Library(
                        name=f"{PREFIX} Perpustakaan Desa {name}",
                        kind=Kind.VILLAGE,
                        region_id=code,
                        status=STATUSES[number % len(STATUSES)],
                        cohort_year=2018 + number % 7,
                        address=f"Kantor Desa {name}" if number % 3 else "",
                        whatsapp=f"62812{number:08d}",
                    )
                )
                if len(batch) == 5000:
                    Library.objects.bulk_create(batch)
                    batch = []
            Library.objects.bulk_create(batch)
    manager_library = Library.objects.filter(
        name__startswith=PREFIX, region__code__inside="16.07"
    ).first()
    for email, role, region, library in [
        ("bench-admin@inklusi.id", Role.NATIONAL_ADMIN, None, None),
        ("bench-province@inklusi.id", Role.PROVINCE_COORDINATOR, "16", None),
        ("bench-regency@inklusi.id", Role.REGENCY_COORDINATOR, "16.07", None),
        ("bench-manager@inklusi.id", Role.LIBRARY_MANAGER, None, manager_library),
    ]:
        user, _ = User.objects.get_or_create(email=email, defaults={"full_name": email})
        RoleAssignment.objects.get_or_create(
            user=user, role=role, region_id=region, library=library
        )
    return time.perf_counter() - started


def pages(persona, library):
    """(label, url, params, runs factor) of what each persona opens."""
    own_region = {"admin": None, "province": "16", "regency": "16.07", "manager": None}[persona]
    rows = [
        ("home", reverse("home:home"), {}),
        ("library list", reverse("libraries:list"), {}),
        ("library list, page 40", reverse("libraries:list"), {"page": 40}),
        (
            "library list, status + cohort",
            reverse("libraries:list"),
            {"status": "beneficiary", "cohort": 2020},
        ),
        ("library list, search 'sukajadi'", reverse("libraries:list"), {"q": "sukajadi"}),
        ("library type-ahead 'suka'", reverse("libraries:search"), {"q": "suka"}),
        ("library detail", library.get_absolute_url(), {}),
    ]
    if own_region:
        rows.append(("region page (own)", reverse("regions:detail", args=[own_region]), {}))
        rows.append(
            ("list filtered to own region", reverse("libraries:list"), {"region": own_region})
        )
    if persona == "admin":
        rows.append(
            ("region page (Indonesia's Jawa Barat)", reverse("regions:detail", args=["32"]), {})
        )
    return rows


class Command(BaseCommand):
    help = "Time the library registry's pages with a library in each of the 83,762 villages."

    def add_arguments(self, parser):
        parser.add_argument("--runs", type=int, default=20, help="timed requests per page")

    def handle(self, *args, runs, **options):
        seconds = seed()
        total = Library.objects.count()
        self.stdout.write(f"{total:,} libraries on {connection.vendor} (set-up {seconds:.1f} s)")
        rows = []
        with override_settings(ALLOWED_HOSTS=["*"]):
            for persona in ("admin", "province", "regency", "manager"):
                user = User.objects.get(email=f"bench-{persona}@inklusi.id")
                client = force_login_verified(Client(), user)
                library = (
                    user.roles.get().library
                    or Library.objects.filter(region__code__inside="16.07.10").first()
                )
                for label, url, params in pages(persona, library):
                    rows.append((f"{persona}: {label}", time_get(client, url, params, runs)))
                exports = {
                    "admin": [("csv", {})],
                    "province": [("csv", {}), ("xlsx", {})],
                    "regency": [("xlsx", {})],
                    "manager": [("xlsx", {})],
                }[persona]
                for fmt, params in exports:
                    url = reverse("libraries:export", args=[fmt])
                    count = max(1, runs // 10) if persona in ("admin", "province") else runs
                    rows.append((f"{persona}: export {fmt}", time_get(client, url, params, count)))
        write_table(
            self.stdout.write, f"Registry pages on {connection.vendor} (ms)", rows, width=50
        )
