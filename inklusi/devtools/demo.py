"""The demo province: Sumatera Selatan (16) with its libraries and one user for each role.

Deterministic: the same run gives the same libraries, and running it again changes nothing.
Later features add their own demo records through `load_demo` too.
"""

import random
from datetime import date

from django.db import transaction

from inklusi.accounts.models import Role, RoleAssignment, User
from inklusi.libraries.models import Assistance, AssistanceKind, Kind, Library, Status
from inklusi.regions.models import Level, Region

PROVINCE = "16"
DEMO_PASSWORD = "inklusi-demo"
VILLAGE_LIBRARIES_PER_REGENCY = 4

# Approximate seat of each regency/city, to place demo libraries on the map.
SEATS = {
    "16.01": (-4.13, 104.17),
    "16.02": (-3.40, 104.83),
    "16.03": (-3.65, 103.77),
    "16.04": (-3.79, 103.54),
    "16.05": (-3.28, 103.10),
    "16.06": (-2.88, 103.85),
    "16.07": (-2.88, 104.40),
    "16.08": (-4.32, 104.35),
    "16.09": (-4.53, 104.07),
    "16.10": (-3.20, 104.65),
    "16.11": (-3.62, 103.07),
    "16.12": (-3.23, 104.05),
    "16.13": (-2.70, 102.90),
    "16.71": (-2.98, 104.75),
    "16.72": (-4.03, 103.25),
    "16.73": (-3.30, 102.86),
    "16.74": (-3.43, 104.23),
}

# (e-mail, full name, role, region code or None; a library manager gets the first
# village library of Banyuasin).
DEMO_USERS = [
    ("admin@inklusi.id", "Admin Perpusnas", Role.NATIONAL_ADMIN, None),
    ("provinsi@inklusi.id", "Mislena Koordinator Provinsi", Role.PROVINCE_COORDINATOR, "16"),
    ("banyuasin@inklusi.id", "Rahmat Koordinator Banyuasin", Role.REGENCY_COORDINATOR, "16.07"),
    ("palembang@inklusi.id", "Sari Koordinator Palembang", Role.REGENCY_COORDINATOR, "16.71"),
    ("fasilitator@inklusi.id", "Cicih Fasilitator", Role.FACILITATOR, "16.07"),
    ("pengelola@inklusi.id", "Siti Pengelola Perpustakaan Desa", Role.LIBRARY_MANAGER, "library"),
    ("bappeda@inklusi.id", "Bappeda Banyuasin (lihat saja)", Role.VIEWER, "16.07"),
]

VILLAGE_DESCRIPTION = (
    "Perpustakaan desa penerima program Transformasi Perpustakaan Berbasis Inklusi Sosial."
)
HOURS = "Senin–Jumat 08.00–15.00\nSabtu 08.00–12.00"


def _jitter(rng, seat, spread=0.12):
    return (
        round(seat[0] + rng.uniform(-spread, spread), 6),
        round(seat[1] + rng.uniform(-spread, spread), 6),
    )


def _upsert_library(**fields):
    if fields.get("cohort_year") and fields.get("status") != Status.CANDIDATE:
        fields["joined_on"] = date(fields["cohort_year"], 1, 1)
    lookup = {"name": fields.pop("name"), "region_id": fields.pop("region_id")}
    library, _ = Library.objects.update_or_create(**lookup, defaults=fields)
    return library


@transaction.atomic
def load_demo():
    """Create or refresh the demo libraries and users; returns (libraries, users). The
    libraries are written directly, not through the services: `load_demo_records` rebuilds the
    dashboard's summaries after loading the reports and activities."""
    if not Region.objects.filter(code=PROVINCE).exists():
        raise RuntimeError("Load the regions first: python manage.py load_regions")
    rng = random.Random(2020)
    libraries = [
        _upsert_library(
            name="Perpustakaan Provinsi Sumatera Selatan",
            region_id=PROVINCE,
            kind=Kind.PROVINCE,
            address="Jl. Demang Lebar Daun No. 47, Palembang",
            latitude=-2.971,
            longitude=104.730,
            npp="1600000D0000001",
            opening_hours=HOURS,
            whatsapp="6281100001600",
            status=Status.INDEPENDENT,
            cohort_year=2018,
        )
    ]
    regencies = Region.objects.filter(parent_id=PROVINCE).order_by("code")
    for number, regency in enumerate(regencies, start=1):
        seat = SEATS[regency.code]
        short = regency.name.replace("Kabupaten ", "").replace("Kota ", "")
        lat, lng = _jitter(rng, seat, 0.02)
        libraries.append(
            _upsert_library(
                name=f"Perpustakaan Daerah {regency.name}",
                region_id=regency.code,
                kind=Kind.REGENCY,
                address=f"Jl. Merdeka No. {number}, {short}",
                latitude=lat,
                longitude=lng,
                npp=f"{regency.code.replace('.', '')}000D{number:07d}",
                opening_hours=HOURS,
                whatsapp=f"628120000{number:04d}",
                status=Status.BENEFICIARY if number % 3 else Status.REPLICATING,
                cohort_year=2018 + number % 3,
            )
        )
        villages = list(
            Region.objects.filter(level=Level.VILLAGE, code__inside=regency.code).order_by("code")
        )
        for index, village in enumerate(rng.sample(villages, VILLAGE_LIBRARIES_PER_REGENCY)):
            complete = index != 3  # one library per regency still lacks part of its profile
            lat, lng = _jitter(rng, seat)
            library = _upsert_library(
                name=f"Perpustakaan Desa {village.name}",
                region_id=village.code,
                kind=Kind.VILLAGE,
                address=f"Kantor Desa {village.name}" if complete else "",
                latitude=lat if complete else None,
                longitude=lng if complete else None,
                npp=None,
                opening_hours=HOURS if complete else "",
                whatsapp=f"62813{rng.randint(10000000, 99999999)}" if complete else "",
                status=[
                    Status.BENEFICIARY,
                    Status.BENEFICIARY,
                    Status.CANDIDATE,
                    Status.REPLICATING,
                ][index],
                cohort_year=[2019, 2020, None, 2018][index],
                description=VILLAGE_DESCRIPTION if complete else "",
            )
            if library.status != Status.CANDIDATE:
                Assistance.objects.get_or_create(
                    library=library,
                    kind=AssistanceKind.COMPUTERS,
                    received_on=date(library.cohort_year, 8, 17),
                    defaults={
                        "provider": "Perpustakaan Nasional RI",
                        "description": "2 komputer, 1 printer",
                    },
                )
                Assistance.objects.get_or_create(
                    library=library,
                    kind=AssistanceKind.TRAINING,
                    received_on=date(2020, 7, 21),
                    defaults={
                        "provider": "Dinas Perpustakaan Provinsi Sumatera Selatan",
                        "description": "Bimtek SPP & TIK (daring)",
                    },
                )
            libraries.append(library)
    managed = (
        Library.objects.filter(
            kind=Kind.VILLAGE, region__code__inside="16.07", status=Status.BENEFICIARY
        )
        .order_by("region_id")
        .first()
    )
    users = []
    for email, name, role, where in DEMO_USERS:
        user = User.objects.filter(email=email).first() or User.objects.create_user(
            email, DEMO_PASSWORD, full_name=name
        )
        RoleAssignment.objects.get_or_create(
            user=user,
            role=role,
            region_id=where if where not in (None, "library") else None,
            library=managed if where == "library" else None,
        )
        users.append((email, name, role))
    return libraries, users
