"""The demo partners: created once, with an agreement ending soon and an overdue follow-up."""

from inklusi.advocacy.models import AdvocacyMeeting
from inklusi.devtools.demo_partners import load_demo_partners
from inklusi.partners.models import Agreement, Contribution, Partner, PartnerContact


def counts():
    return [
        model.objects.count()
        for model in (Partner, PartnerContact, Agreement, Contribution, AdvocacyMeeting)
    ]


def test_demo_is_loaded_once(libraries):
    load_demo_partners()
    first = counts()
    assert first[0] == 6
    assert Agreement.objects.ending_soon().count() == 1
    assert AdvocacyMeeting.objects.overdue().count() == 1
    musdes = AdvocacyMeeting.objects.get(counterpart_kind="musdes")
    assert musdes.committed_amount == 15_000_000
    assert musdes.library == libraries.air_batu
    load_demo_partners()
    assert counts() == first
