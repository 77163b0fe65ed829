"""One record of every scoped kind in two places, for the tests that compare what each role
sees across every page and model (tests/test_wider_scope_sees_more.py and the matrix).

"in" lies inside Banyuasin (16.07): the Air Batu village library of the manager persona and the
Banyuasin regency library office. "out" lies in Palembang (16.71, charlie's regency, in the same
province): the Tiga-puluh-lima Ilir village library and the Palembang city library office.
Medan (another province) holds only its library, seen by the national admin alone.
"""

import datetime
from types import SimpleNamespace

from django.core.files.storage import default_storage
from django.utils import timezone

from inklusi.accounts.models import Invitation, Role, RoleAssignment
from inklusi.activities.photos import add_photo, prepare_photo
from inklusi.advocacy.tests.helpers import MeetingFactory
from inklusi.announcements.tests.helpers import announce
from inklusi.libraries.models import Assistance, Kind
from inklusi.partners.tests.helpers import (
    AgreementFactory,
    ContributionFactory,
    PartnerFactory,
    pdf_file,
)
from inklusi.plans.models import BudgetLine, State
from inklusi.plans.tests.helpers import make_plan
from inklusi.questions.models import Question
from inklusi.scores import quarters
from inklusi.scores import services as score_services
from inklusi.stories.models import Story
from inklusi.surveys import services as survey_services
from inklusi.testing import factories
from inklusi.testing.photos import jpeg_with_gps, upload
from inklusi.trainings.models import Certificate, Material
from inklusi.trainings.tests.helpers import add_questions, add_session, make_training, register

# (wider, narrower) personas: the narrower's scope lies inside the wider's.
CHAINS = [
    ("admin", "province"),
    ("province", "regency"),
    ("province", "facilitator"),
    ("province", "charlie"),
    ("regency", "manager"),
    ("regency", "viewer"),
]


def build():
    """The regions, libraries, personas and, for each place, one record of every kind."""
    factories.seed_categories()
    libraries = factories.demo_libraries(factories.region_tree())
    people = factories.personas(libraries)
    regions = libraries.regions
    palembang_office = factories.LibraryFactory(
        name="Perpustakaan Daerah Kota Palembang", kind=Kind.REGENCY, region=regions["16.71"]
    )
    # A manager in Palembang, who takes part in the Palembang training.
    palembang_manager = factories.UserFactory(
        email="pengelola-palembang@example.id",
        role=(Role.LIBRARY_MANAGER, libraries.kemang_manis),
    )
    places = {
        "in": _place(
            library=libraries.air_batu,
            neighbour=libraries.sukajadi,
            office=libraries.banyuasin,
            region=regions["16.07"],
            coordinator=people.regency,
            participant=people.manager,
        ),
        "out": _place(
            library=libraries.kemang_manis,
            neighbour=None,
            office=palembang_office,
            region=regions["16.71"],
            coordinator=people.charlie,
            participant=palembang_manager,
        ),
    }
    # The KPI cards of the last complete quarter, scored from the records above.
    score_services.refresh(quarters.previous(quarters.quarter_of(timezone.localdate())))
    return SimpleNamespace(libraries=libraries, people=people, regions=regions, at=places)


def _place(library, neighbour, office, region, coordinator, participant):
    """Every kind of record about `library` (a village library), `office` (the library office
    of `region`) and `region`, made by `coordinator`; `participant` takes part in the training.
    `neighbour`, another library of the region, gets a manager whose role can be revoked."""
    today = timezone.localdate()
    assistance = Assistance.objects.create(
        library=library, kind="books", received_on=datetime.date(2021, 3, 1), provider="Perpusnas"
    )
    activity = factories.ActivityFactory(library=library, created_by=coordinator)
    prepared = prepare_photo(upload(jpeg_with_gps((320, 240)), name="kegiatan.jpg"))
    photo = add_photo(activity, prepared, consent_to_publish=True)
    report = factories.MonthlyReportFactory(library=library, submitted_by=coordinator)

    plan = make_plan(library, coordinator, year=today.year + 1)
    plan_activity = plan.activities.first()
    submitted = make_plan(library, coordinator, year=today.year, state=State.SUBMITTED)
    submitted_activity = submitted.activities.first()
    decided_line = submitted_activity.lines.first()
    # Written as `plans.services.record_decision` would: an ordinary save leaves it alone.
    document = default_storage.save("private/plans/decisions/keputusan.pdf", pdf_file())
    BudgetLine.objects.filter(pk=decided_line.pk).update(decision_document=document)

    partner = PartnerFactory(libraries=[library], created_by=coordinator)
    regional_partner = PartnerFactory(region=region, created_by=coordinator)
    agreement = AgreementFactory(partner=partner, library=library, document=pdf_file())
    agreement_for_all = AgreementFactory(partner=partner, library=None)
    contribution = ContributionFactory(partner=partner, library=library, activity=activity)

    meeting = MeetingFactory(library=library, follow_up_on=today + datetime.timedelta(days=7))
    region_meeting = MeetingFactory(region=region)

    training = make_training(office, created_by=coordinator)
    session = add_session(training, starts_in=datetime.timedelta(hours=-1))
    material = Material.objects.create(session=session, title="Modul", file=pdf_file("modul.pdf"))
    question = add_questions(training, count=1)[0]
    registration = register(training, participant, library)
    registration.commitment = f"Kelas membaca tiap Sabtu di {library.name}"
    registration.committed_at = timezone.now()
    registration.save()
    certificate = Certificate.objects.create(registration=registration)

    invitation = Invitation.objects.create(
        role=Role.LIBRARY_MANAGER,
        library=library,
        email=f"undangan-{library.pk}@example.id",
        invited_by=coordinator,
    )
    announcement = announce(
        coordinator, region=region, title=f"Rapat koordinasi {region.name}", attachment=pdf_file()
    )
    asked = Question.objects.create(
        library=library,
        asked_by=participant,
        text=f"Bagaimana mengisi laporan {library.name}?",
        photo=upload(jpeg_with_gps((64, 48)), name="rak.jpg"),
    )
    story = Story.objects.create(
        library=library,
        recorded_by=participant,
        domain="literacy",
        who=f"Seorang ibu petani, pembaca di {library.name}",
        person="Ibu Rahasia Sekali",
        what_changed="Kini membaca untuk anaknya.",
        why_it_matters="Anaknya gemar membaca.",
        photo=upload(jpeg_with_gps((64, 48)), name="cerita.jpg"),
        photo_consent=True,
    )
    # A participant's answer to the activity's outcome survey, with a contact for the follow-up.
    response, _created = survey_services.submit(
        survey_services.survey_for(activity),
        {"knowledge": 5, "confidence": 4, "application": 4, "awareness": 3},
        submission_key=f"world-{library.pk}",
        contact={"whatsapp": "081234567890"},
    )
    neighbour_manager = factories.UserFactory(role=(Role.LIBRARY_MANAGER, neighbour or office))
    role = RoleAssignment.objects.get(user=neighbour_manager)
    return SimpleNamespace(
        library=library,
        office=office,
        region=region,
        participant=participant,
        assistance=assistance,
        activity=activity,
        photo=photo,
        report=report,
        plan=plan,
        need=plan.needs.first(),
        plan_activity=plan_activity,
        line=plan_activity.lines.first(),
        submitted=submitted,
        submitted_activity=submitted_activity,
        decided_line=decided_line,
        partner=partner,
        regional_partner=regional_partner,
        agreement=agreement,
        agreement_for_all=agreement_for_all,
        contribution=contribution,
        meeting=meeting,
        region_meeting=region_meeting,
        training=training,
        session=session,
        material=material,
        question=question,
        registration=registration,
        certificate=certificate,
        invitation=invitation,
        role=role,
        announcement=announcement,
        asked=asked,
        story=story,
        response=response,
    )
