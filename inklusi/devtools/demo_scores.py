"""Demo KPI cards: the last complete quarter and the one before scored for every library in
the programme, with cards of every colour and libraries that moved colour between them, and
the literacy-index (IPLM) figures of some libraries' profiles (so the regency's IPLM
workbook shows fill rates below 100 % and who is missing what).

The demo's records leave the best libraries yellow; the two best of the last quarter get
what a green card takes (social-media posts about the quarter's activities, a partner's
contributions and an agreement, a meeting with the village head that won a commitment) and
go up to green. Dates follow today's quarter; running it again adds nothing (records are
looked up by partner and description, links set once, each library's IPLM figures drawn
from its own name).
"""

import random

from django.db import transaction

from inklusi.activities.models import Activity
from inklusi.advocacy.models import AdvocacyMeeting, CounterpartKind
from inklusi.core.funding import FundingSource
from inklusi.libraries.models import Library
from inklusi.partners.models import (
    Agreement,
    AgreementKind,
    AgreementStatus,
    Contribution,
    ContributionKind,
    Partner,
    PartnerKind,
)
from inklusi.scores import quarters, rules, services
from inklusi.scores.models import LibraryScore

PARTNER = "Koperasi Literasi Sejahtera"
RAISED = 2


@transaction.atomic
def load_demo_scores():
    """Scores the demo; returns {colour: cards} of the last complete quarter."""
    _fill_iplm_profiles()
    services.refresh_recent()
    quarter = quarters.last_complete()
    # Once raised, the same libraries stay the raised ones (the partner names them).
    raised = list(Library.objects.filter(partners__name=PARTNER).order_by("pk"))
    if not raised:
        best = (
            LibraryScore.objects.filter(quarter=quarter, colour=rules.YELLOW)
            .select_related("library")
            .order_by("-total", "library__name")[:RAISED]
        )
        raised = [card.library for card in best]
    for library in raised:
        _raise(library, quarter)
    services.refresh_recent()
    counts = services.colour_counts(LibraryScore.objects.filter(quarter=quarter))
    return {colour: counts[colour] for colour in rules.COLOURS}


def _raise(library, quarter):
    last = quarters.last_day(quarter)
    held = Activity.objects.published().filter(
        library=library, starts_on__gte=quarter, starts_on__lte=last
    )
    for activity in held.filter(instagram_url="").order_by("starts_on")[: rules.SOCIAL_CAP]:
        activity.instagram_url = f"https://www.instagram.com/p/inklusi{activity.pk}/"
        activity.save(update_fields=["instagram_url"])
    partner, _ = Partner.objects.get_or_create(
        name=PARTNER, defaults={"kind": PartnerKind.COMMUNITY, "sector": "Simpan pinjam"}
    )
    partner.libraries.add(library)
    for month, (kind, text) in enumerate(
        [(ContributionKind.BOOKS, "Buku bacaan anak"), (ContributionKind.VENUE, "Aula koperasi")]
    ):
        Contribution.objects.get_or_create(
            partner=partner,
            library=library,
            description=f"{text} ({quarters.label(quarter)})",
            defaults={
                "kind": kind,
                "value": 2_500_000,
                "is_estimate": True,
                "given_on": quarter.replace(month=quarter.month + month, day=15),
            },
        )
    AdvocacyMeeting.objects.get_or_create(
        library=library,
        topic="Dana Desa untuk pojok baca",
        defaults={
            "met_on": quarter.replace(month=quarter.month + 1, day=20),
            "counterpart_kind": CounterpartKind.VILLAGE_HEAD,
            "counterpart_name": "Kepala Desa",
            "asked": "Rak dan buku untuk pojok baca di balai desa.",
            "committed": "Rak dan buku dalam APBDes tahun depan.",
            "committed_amount": 7_500_000,
            "commitment_source": FundingSource.VILLAGE,
        },
    )
    Agreement.objects.get_or_create(
        partner=partner,
        title="PKS Gerakan Literasi Koperasi",
        defaults={
            "kind": AgreementKind.PKS,
            "parties": "Koperasi Literasi Sejahtera dan perpustakaan desa mitra",
            "starts_on": quarter,
            "status": AgreementStatus.ACTIVE,
        },
    )


def _fill_iplm_profiles():
    """Most libraries know their collection, fewer their staff, few their trained staff."""
    blank = Library.objects.filter(
        collection_titles=None, collection_copies=None, staff=None, trained_staff=None
    )
    for library in blank.order_by("pk"):
        rng = random.Random(f"iplm {library.name}")
        figures = {}
        if rng.random() < 0.7:
            titles = rng.randrange(300, 4000)
            figures.update(collection_titles=titles, collection_copies=titles * rng.randint(2, 4))
        if rng.random() < 0.5:
            staff = rng.randint(1, 6)
            figures.update(staff=staff)
            if rng.random() < 0.5:
                figures.update(trained_staff=rng.randint(0, staff))
        if figures:
            Library.objects.filter(pk=library.pk).update(**figures)
