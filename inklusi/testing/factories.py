"""Factories and fixtures' data for tests: a small slice of the real region tree."""

import datetime
import importlib
from types import SimpleNamespace

import factory
from django.utils import timezone

from inklusi.accounts.models import Role, RoleAssignment, User
from inklusi.activities.models import Activity, Category
from inklusi.activities.models import Status as ActivityStatus
from inklusi.core import derived
from inklusi.core.months import previous_month
from inklusi.libraries.models import Kind, Library, Status
from inklusi.libraries.services import save_library
from inklusi.regions.models import Region, level_of
from inklusi.reports.models import MonthlyReport

# Real codes and names from the Kemendagri list.
REGION_ROWS = [
    ("16", "Sumatera Selatan"),
    ("16.07", "Kabupaten Banyuasin"),
    ("16.07.10", "Talang Kelapa"),
    ("16.07.10.1002", "Air Batu"),
    ("16.07.10.1004", "Sukajadi"),
    ("16.71", "Kota Palembang"),
    ("16.71.01", "Ilir Barat Dua"),
    ("16.71.01.1001", "Tiga-puluh-lima Ilir"),
    ("12", "Sumatera Utara"),
    ("12.71", "Kota Medan"),
    ("12.71.01", "Medan Kota"),
    ("12.71.01.1001", "Pasar Baru"),
]


def make_region(code, name=None):
    """The region with this code, created with its parents if missing."""
    parent = make_region(code.rsplit(".", 1)[0]) if "." in code else None
    region, _ = Region.objects.get_or_create(
        code=code,
        defaults={
            "name": name or f"Wilayah {code}",
            "level": level_of(code),
            "parent": parent,
            "search_text": (name or f"wilayah {code}").lower(),
        },
    )
    return region


def region_tree():
    """Regions by code, for the rows above."""
    tree = {code: make_region(code, name) for code, name in REGION_ROWS}
    Region.objects.all().refresh_search_text()  # "air batu banyuasin" finds Air Batu
    return tree


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.id")
    full_name = factory.Faker("name", locale="id_ID")
    password = factory.PostGenerationMethodCall("set_password", "rahasia-123")

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        """UserFactory(role=(Role.X, region_or_library)) gives the user that role."""
        if not extracted:
            if create:
                self.save()
            return
        role, where = extracted
        self.save()
        RoleAssignment.objects.create(
            user=self,
            role=role,
            region=where if isinstance(where, Region) else None,
            library=where if isinstance(where, Library) else None,
        )


class LibraryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Library

    name = factory.Sequence(lambda n: f"Perpustakaan Desa Uji {n}")
    kind = Kind.VILLAGE
    status = Status.BENEFICIARY
    cohort_year = 2020
    address = "Jl. Poros Desa No. 1"

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        """Saved through the service, as the app saves a library: the dashboard counts it."""
        return save_library(model_class(*args, **kwargs))


def demo_libraries(regions):
    return SimpleNamespace(
        air_batu=LibraryFactory(name="Perpustakaan Desa Air Batu", region=regions["16.07.10.1002"]),
        sukajadi=LibraryFactory(
            name="Perpustakaan Desa Sukajadi",
            region=regions["16.07.10.1004"],
            status=Status.CANDIDATE,
        ),
        banyuasin=LibraryFactory(
            name="Perpustakaan Daerah Banyuasin", kind=Kind.REGENCY, region=regions["16.07"]
        ),
        kemang_manis=LibraryFactory(
            name="Perpustakaan Kelurahan Tiga-puluh-lima Ilir", region=regions["16.71.01.1001"]
        ),
        medan=LibraryFactory(
            name="Perpustakaan Kelurahan Pasar Baru", region=regions["12.71.01.1001"]
        ),
        regions=regions,
    )


def personas(libs):
    r = libs.regions
    return SimpleNamespace(
        admin=UserFactory(email="admin@example.id", role=(Role.NATIONAL_ADMIN, None)),
        province=UserFactory(email="sumsel@example.id", role=(Role.PROVINCE_COORDINATOR, r["16"])),
        regency=UserFactory(
            email="banyuasin@example.id", role=(Role.REGENCY_COORDINATOR, r["16.07"])
        ),
        facilitator=UserFactory(email="fasil@example.id", role=(Role.FACILITATOR, r["16.07"])),
        manager=UserFactory(
            email="pengelola@example.id", role=(Role.LIBRARY_MANAGER, libs.air_batu)
        ),
        viewer=UserFactory(email="bappeda@example.id", role=(Role.VIEWER, r["16.07"])),
        charlie=UserFactory(
            email="charlie@example.id", role=(Role.REGENCY_COORDINATOR, r["16.71"])
        ),
        nobody=UserFactory(email="nobody@example.id"),
    )


def seed_categories():
    """The activity categories the migration seeds, again: a browser test's database is
    emptied after each test, data migrations included."""
    from django.apps import apps

    seeding = importlib.import_module("inklusi.activities.migrations.0002_categories")
    seeding.add_categories(apps, None)
    flagging = importlib.import_module("inklusi.activities.migrations.0003_category_livelihood")
    flagging.mark_livelihood(apps, None)


class CountedInSummaries:
    """For reports and activities: created as the services create them, so the dashboard's
    summaries of their library and month follow."""

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        with derived.changes():
            row = super()._create(model_class, *args, **kwargs)
            day = row.starts_on if model_class is Activity else row.month
            derived.touch(row.library_id, [day])
        return row


class ActivityFactory(CountedInSummaries, factory.django.DjangoModelFactory):
    """A published literacy activity of last week, 12 participants."""

    class Meta:
        model = Activity

    title = factory.Sequence(lambda n: f"Kelas membaca {n}")
    category = factory.LazyFunction(lambda: Category.objects.get(slug="literacy"))
    starts_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=7))
    place = "Ruang baca"
    description = "Anak-anak membaca bersama."
    participants_female = 7
    participants_male = 5
    status = ActivityStatus.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)


class MonthlyReportFactory(CountedInSummaries, factory.django.DjangoModelFactory):
    """Last month's report with ordinary figures."""

    class Meta:
        model = MonthlyReport

    month = factory.LazyFunction(previous_month)
    open_days = 20
    visitors_female = 120
    visitors_male = 95
    new_members = 6
    total_members = 180
    loans = 140
    computer_users = 40
    internet_users = 35
