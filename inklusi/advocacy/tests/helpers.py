"""A meeting factory and the meeting form's POST data."""

import factory

from inklusi.advocacy.models import AdvocacyMeeting, CounterpartKind
from inklusi.partners.tests.helpers import days


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AdvocacyMeeting

    met_on = factory.LazyFunction(lambda: days(-20))
    counterpart_kind = CounterpartKind.BAPPEDA
    counterpart_name = "Bappeda Kabupaten Banyuasin"
    topic = factory.Sequence(lambda n: f"Anggaran perpustakaan {n}")


def meeting_data(**changes):
    values = {
        "library": "",
        "region": "16.07",
        "met_on": days(-1).isoformat(),
        "counterpart_kind": "bappeda",
        "counterpart_name": "Bappeda Kabupaten Banyuasin",
        "attendees": "Kabid PM Bappeda; Kepala Dinas Perpustakaan",
        "topic": "Anggaran TIK perpustakaan desa",
        "asked": "APBD untuk internet 30 perpustakaan desa",
        "asked_amount": "450.000.000",
        "budget_line": "",
        "committed": "Masuk RKPD",
        "committed_amount": "150.000.000",
        "commitment_source": "regency",
        "follow_up_on": days(30).isoformat(),
    }
    values.update(changes)
    return values
