"""Agreements ending in the next 90 days: the reminder list."""

from django.urls import reverse

from inklusi.partners.models import Agreement

from .helpers import AgreementFactory, PartnerFactory, days

URL = reverse("partners:agreements_ending")


def test_ending_soon_takes_agreements_in_force_ending_within_90_days(libraries):
    partner = PartnerFactory(libraries=[libraries.air_batu])
    today = AgreementFactory(partner=partner, title="today", ends_on=days(0))
    last_day = AgreementFactory(partner=partner, title="day 90", ends_on=days(90))
    AgreementFactory(partner=partner, title="day 91", ends_on=days(91))
    AgreementFactory(partner=partner, title="yesterday", ends_on=days(-1))
    AgreementFactory(partner=partner, title="open-ended", ends_on=None)
    AgreementFactory(partner=partner, title="cancelled", ends_on=days(10), status="cancelled")
    AgreementFactory(partner=partner, title="draft", ends_on=days(10), status="draft")
    assert set(Agreement.objects.ending_soon()) == {today, last_day}
    assert [a.title for a in Agreement.objects.ending_soon(days=0)] == ["today"]
    assert last_day.is_ending_soon and last_day.days_left == 90
    assert Agreement.objects.get(title="yesterday").is_past_end


def test_it_works(people, login, libraries):
    partner = PartnerFactory(name="Bank Sumsel", libraries=[libraries.air_batu])
    AgreementFactory(partner=partner, title="MoU Pojok Baca", ends_on=days(45))
    AgreementFactory(partner=partner, title="PKS lama", ends_on=days(400))
    response = login(people.regency).get(URL)
    assert response.status_code == 200
    assert [a.title for a in response.context["agreements"]] == ["MoU Pojok Baca"]
    assert "ends in 45 days" in response.content.decode()


def test_it_checks_scope(people, login, libraries):
    partner = PartnerFactory(libraries=[libraries.air_batu])
    AgreementFactory(partner=partner, ends_on=days(45))
    assert list(login(people.charlie).get(URL).context["agreements"]) == []


def test_wrong_method_is_405(people, login):
    assert login(people.admin).post(URL).status_code == 405
