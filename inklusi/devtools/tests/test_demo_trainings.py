"""The article's Bimtek as demo data, loaded twice without changing anything."""

from inklusi.accounts.models import RoleAssignment
from inklusi.devtools.demo_trainings import load_demo_trainings
from inklusi.testing.factories import LibraryFactory
from inklusi.trainings import services
from inklusi.trainings.models import Attendance, Certificate, Registration, Session


def test_demo_is_complete_and_idempotent(people, libraries, regions):
    LibraryFactory(
        name="Perpustakaan Provinsi Sumatera Selatan", kind="province", region=regions["16"]
    )
    persona_roles = set(RoleAssignment.objects.values_list("pk", flat=True))
    training = load_demo_trainings()
    counts = (
        Registration.objects.count(),
        Session.objects.count(),
        Attendance.objects.count(),
        Certificate.objects.count(),
    )
    assert load_demo_trainings() == training
    assert counts == (
        Registration.objects.count(),
        Session.objects.count(),
        Attendance.objects.count(),
        Certificate.objects.count(),
    )
    assert counts[0] == 40 and counts[1] == 7
    assert training.sessions.first().time_label() == "08.30–09.30 WIB"
    rows = services.participant_rows(training)
    assert any(row.late for row in rows) and any(row.rate < 100 for row in rows)
    assert 0 < counts[3] < 40
    assert counts[3] == sum(row.eligible for row in rows)
    summary = services.test_summary(rows)
    assert summary["gain"] > 15
    assert persona_roles <= set(RoleAssignment.objects.values_list("pk", flat=True))
    assert people.manager.roles.count() == 1
    assert not Registration.objects.filter(library__region__code__startswith="12").exists()
