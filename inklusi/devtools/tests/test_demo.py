from django.core.management import call_command

from inklusi.accounts.models import Role, RoleAssignment, User
from inklusi.accounts.scope import Scope
from inklusi.devtools.demo import load_demo
from inklusi.libraries.models import Kind, Library
from inklusi.regions.loading import load_regions


def test_demo_province_has_every_regency_and_one_user_per_role(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path  # the command adds activity photos
    load_regions()
    load_demo()
    regencies = Library.objects.filter(kind=Kind.REGENCY)
    assert regencies.count() == 17  # 13 regencies and 4 cities of Sumatera Selatan
    assert Library.objects.filter(kind=Kind.PROVINCE, region_id="16").count() == 1
    for library in regencies:
        villages = Library.objects.filter(kind=Kind.VILLAGE, region__code__inside=library.region_id)
        assert villages.count() >= 3
    assert {a.role for a in RoleAssignment.objects.all()} == set(Role.values)
    for library in Library.objects.all():
        library.full_clean()  # the demo obeys the same rules as the forms

    manager = User.objects.get(email="pengelola@inklusi.id")
    assert Library.objects.visible_to(Scope.of(manager)).count() == 1

    names = sorted(Library.objects.values_list("name", flat=True))
    call_command("load_demo", verbosity=0)  # deterministic and re-runnable
    assert sorted(Library.objects.values_list("name", flat=True)) == names
    # The seven role accounts, and the forty Bimtek participants the command adds.
    assert User.objects.exclude(email__endswith="@contoh.id").count() == 7
    assert User.objects.filter(email__endswith="@contoh.id").count() == 40
    call_command("load_demo", verbosity=0)
    assert User.objects.count() == 47


def test_demo_records_are_valid_varied_and_loaded_once(db, settings, tmp_path):
    from inklusi.activities.models import Activity, ActivityPhoto, Review, Status
    from inklusi.devtools.demo_activities import load_demo_records
    from inklusi.reports.models import MonthlyReport

    settings.MEDIA_ROOT = tmp_path
    load_regions()
    load_demo()
    manager = User.objects.get(email="pengelola@inklusi.id")
    reports, activities = load_demo_records(manager)
    assert reports == MonthlyReport.objects.count() > 700  # a year for ~70 libraries
    assert activities == Activity.objects.count() > 250
    assert load_demo_records(manager) == (0, 0)

    for record in [*Activity.objects.all(), *MonthlyReport.objects.all()]:
        record.full_clean()
    states = set(Activity.objects.values_list("status", "review"))
    assert {(Status.PUBLISHED, Review.VERIFIED), (Status.DRAFT, Review.RETURNED)} <= states
    assert ActivityPhoto.objects.filter(consent_to_publish=False).exists()
    assert ActivityPhoto.objects.public().count() > 200
    late = [r for r in MonthlyReport.objects.all() if not r.on_time]
    assert 0 < len(late) < MonthlyReport.objects.count() / 5

    library = manager.roles.get().library
    months = sorted(library.monthly_reports.values_list("month", flat=True))
    assert len(months) == 11  # last month is still to be filed
    assert library.activities.count() == 10
    assert library.activities.filter(review=Review.RETURNED).count() == 1  # for the home page
