"""The activity's own rules (Activity.clean) as the form shows them, and number parsing."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from inklusi.activities.models import Activity
from inklusi.core.fields import RupiahField

from .helpers import activity_data

URL = reverse("activities:create")
TODAY = timezone.localdate()


def errors(client, **changes):
    response = client.post(URL, activity_data(**changes))
    assert response.status_code == 200
    assert not Activity.objects.exists()
    return response.context["form"].errors


def test_age_groups_must_add_up_to_the_total(people, login):
    found = errors(login(people.manager), participants_children="5", participants_adults="5")
    assert (
        "age groups add up to 10, but women and men add up to 20"
        in found["participants_children"][0]
    )


def test_age_groups_that_add_up_are_fine(people, login):
    client = login(people.manager)
    client.post(URL, activity_data(participants_children="15", participants_elderly="5"))
    assert Activity.objects.get().participants_children == 15


def test_an_inclusion_group_cannot_pass_the_total(people, login):
    found = errors(login(people.manager), participants_low_income="21")
    assert "more than all participants (20)" in found["participants_low_income"][0]


def test_a_future_date_is_refused(people, login):
    tomorrow = (TODAY + datetime.timedelta(days=1)).isoformat()
    assert (
        "once it has taken place"
        in errors(login(people.manager), starts_on=tomorrow)["starts_on"][0]
    )


def test_the_end_cannot_come_before_the_start(people, login):
    found = errors(
        login(people.manager),
        starts_on=(TODAY - datetime.timedelta(days=2)).isoformat(),
        ends_on=(TODAY - datetime.timedelta(days=5)).isoformat(),
    )
    assert "cannot be before the start date" in found["ends_on"][0]


def test_a_social_link_must_go_to_its_site(people, login):
    found = errors(login(people.manager), instagram_url="https://evil.example/instagram.com")
    assert "not a link to Instagram post" in found["instagram_url"][0]


def test_a_cost_needs_a_funding_source(people, login):
    found = errors(login(people.manager), cost="250.000")
    assert "Say who paid" in found["funding_source"][0]


@pytest.mark.parametrize("value", ["-5", "1e9", "abc", "100001"])
def test_counts_are_whole_numbers_within_reason(people, login, value):
    assert "participants_male" in errors(login(people.manager), participants_male=value)


@pytest.mark.parametrize(
    "typed, amount",
    [
        ("", 0),
        ("Rp", 0),
        ("1500000", 1_500_000),
        ("1.500.000", 1_500_000),
        ("Rp1.500.000", 1_500_000),
        ("rp. 250.000", 250_000),
        ("1,500,000", 1_500_000),
        ("1 500 000", 1_500_000),
    ],
)
def test_rupiah_as_people_type_it(typed, amount):
    assert RupiahField().clean(typed) == amount


@pytest.mark.parametrize("typed", ["1.5", "1.500.00", "12,5", "-100", "1.500.000,-", "9" * 30])
def test_rupiah_that_is_not_a_whole_amount(typed):
    with pytest.raises(ValidationError):
        RupiahField().clean(typed)


@pytest.mark.parametrize("typed, count", [("1.000", 1000), ("2.000", 2000), ("1 500", 1500)])
def test_participants_typed_with_thousands_dots_are_not_read_as_decimals(typed, count):
    from inklusi.activities.forms import ParticipantCountField

    assert ParticipantCountField().clean(typed) == count
