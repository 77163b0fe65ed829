"""A library's third quarter of 2026 with records of every kind, seen from 15 November 2026
(so Q3 is the last complete quarter, and every report of it is due)."""

import datetime

from django.utils import timezone

from inklusi.activities.models import ActivityPhoto
from inklusi.activities.models import Status as ActivityStatus
from inklusi.advocacy.tests.helpers import MeetingFactory
from inklusi.partners.models import AgreementStatus
from inklusi.partners.tests.helpers import AgreementFactory, ContributionFactory, PartnerFactory
from inklusi.testing.clock import freeze_today
from inklusi.testing.factories import ActivityFactory, MonthlyReportFactory

TODAY = datetime.date(2026, 11, 15)
Q2 = datetime.date(2026, 4, 1)
Q3 = datetime.date(2026, 7, 1)


def at(day, hour=9):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def frozen(monkeypatch):
    freeze_today(monkeypatch, TODAY)


def photo(activity, consent):
    ActivityPhoto.objects.create(
        activity=activity, image="a.jpg", thumbnail="t.jpg", consent_to_publish=consent
    )


def third_quarter(library):
    """The hand-computed fixture (docs/kpi.md's example):

    reporting   July on time, August late, September missing: 25 × (1 + ½) / 3     = 12.5
    community   4 activities of 6: 15 × 4/6 = 10; 48 participants of 90: 10 × 48/90 = 15.33
    publicity   2 consented photos 2 × 2, 1 social post 2, profile lacks a cover 0  = 6
    partnership 3 contributions (capped at 2) 8, an agreement 4, one meeting 3 with a
                commitment 2                                                         = 17
    outcomes    one activity with its outcome written down: 5                        = 5
    total       55.83 → 56, yellow
    """
    library.description = "Perpustakaan desa."
    library.facebook = "https://facebook.com/perpusdesa"
    library.save()
    MonthlyReportFactory(
        library=library, month=datetime.date(2026, 7, 1), submitted_at=at(datetime.date(2026, 8, 5))
    )
    MonthlyReportFactory(
        library=library,
        month=datetime.date(2026, 8, 1),
        submitted_at=at(datetime.date(2026, 9, 20)),
    )
    days = [
        datetime.date(2026, 7, 4),
        datetime.date(2026, 8, 8),
        datetime.date(2026, 9, 1),
        datetime.date(2026, 9, 30),
    ]
    held = [ActivityFactory(library=library, starts_on=day) for day in days]
    photo(held[0], consent=True)
    photo(held[1], consent=True)
    photo(held[1], consent=True)
    photo(held[2], consent=False)
    held[3].instagram_url = "https://instagram.com/p/abc"
    held[3].outcome = "Peserta mulai membaca di rumah."
    held[3].save()
    # Outside the quarter or unpublished: not counted.
    ActivityFactory(library=library, starts_on=datetime.date(2026, 10, 2), outcome="x")
    ActivityFactory(
        library=library, starts_on=datetime.date(2026, 8, 2), status=ActivityStatus.DRAFT
    )
    partner = PartnerFactory(libraries=[library])
    for day in (7, 8, 9):
        ContributionFactory(partner=partner, library=library, given_on=datetime.date(2026, day, 3))
    ContributionFactory(partner=partner, library=library, given_on=datetime.date(2026, 6, 30))
    AgreementFactory(
        partner=partner,
        status=AgreementStatus.ACTIVE,
        starts_on=datetime.date(2026, 1, 1),
        ends_on=datetime.date(2026, 12, 31),
    )
    MeetingFactory(
        library=library,
        met_on=datetime.date(2026, 8, 20),
        committed="Dana Desa untuk buku",
        committed_amount=5_000_000,
    )
    return held
