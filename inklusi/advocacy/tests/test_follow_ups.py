"""Follow-up due dates: what is overdue, and what the home page shows each user."""

from django.urls import reverse

from inklusi.accounts.scope import Scope
from inklusi.advocacy.models import AdvocacyMeeting, overdue_follow_ups
from inklusi.partners.tests.helpers import days

from .helpers import MeetingFactory


def test_overdue_means_past_and_not_done(libraries):
    region = libraries.regions["16.07"]
    yesterday = MeetingFactory(region=region, topic="yesterday", follow_up_on=days(-1))
    MeetingFactory(region=region, topic="today", follow_up_on=days(0))
    MeetingFactory(region=region, topic="done", follow_up_on=days(-5), follow_up_done=True)
    MeetingFactory(region=region, topic="none", follow_up_on=None)
    assert list(AdvocacyMeeting.objects.overdue()) == [yesterday]
    assert yesterday.is_overdue
    assert not AdvocacyMeeting.objects.get(topic="today").is_overdue
    assert AdvocacyMeeting.objects.open_follow_ups().count() == 2


def test_overdue_follow_ups_follow_the_scope(people, libraries):
    regions = libraries.regions
    a = MeetingFactory(region=regions["16.07"], topic="a", follow_up_on=days(-3))
    b = MeetingFactory(library=libraries.air_batu, topic="b", follow_up_on=days(-10))
    c = MeetingFactory(region=regions["16.71"], topic="c", follow_up_on=days(-1))
    assert list(overdue_follow_ups(Scope.of(people.regency))) == [b, a]
    assert list(overdue_follow_ups(Scope.of(people.manager))) == [b]
    assert list(overdue_follow_ups(Scope.of(people.charlie))) == [c]
    assert list(overdue_follow_ups(Scope.of(people.admin))) == [b, a, c]
    assert list(overdue_follow_ups(Scope.of(people.nobody))) == []


def test_a_read_only_viewer_is_not_told_of_follow_ups(people, libraries, login):
    """The Bappeda account's home never reads "overdue advocacy follow-ups" about itself."""
    MeetingFactory(region=libraries.regions["16.07"], topic="APBD 2027", follow_up_on=days(-3))
    assert list(overdue_follow_ups(Scope.of(people.viewer))) == []
    response = login(people.viewer).get(reverse("home:home"))
    assert list(response.context["overdue_follow_ups"]) == []
    assert "APBD 2027" not in response.text
