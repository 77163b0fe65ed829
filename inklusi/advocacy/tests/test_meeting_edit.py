"""Editing a meeting: in the edit scope; an old follow-up date may stay as it was."""

from django.urls import reverse

from inklusi.partners.tests.helpers import days

from .helpers import MeetingFactory, meeting_data


def url(meeting):
    return reverse("advocacy:edit", args=[meeting.pk])


def test_it_works(people, login, libraries):
    meeting = MeetingFactory(
        region=libraries.regions["16.07"], follow_up_on=days(-3), met_on=days(-30)
    )
    client = login(people.regency)
    assert client.get(url(meeting)).status_code == 200
    data = meeting_data(
        met_on=meeting.met_on.isoformat(), follow_up_on=days(-3).isoformat(), topic="Baru"
    )
    response = client.post(url(meeting), data)
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.topic == "Baru"


def test_a_changed_follow_up_date_must_lie_ahead(people, login, libraries):
    meeting = MeetingFactory(
        region=libraries.regions["16.07"], follow_up_on=days(-3), met_on=days(-30)
    )
    data = meeting_data(met_on=meeting.met_on.isoformat(), follow_up_on=days(-2).isoformat())
    response = login(people.regency).post(url(meeting), data)
    assert response.status_code == 200
    assert response.context["form"].has_error("follow_up_on")
    meeting.refresh_from_db()
    assert meeting.follow_up_on == days(-3)


def test_it_checks_scope(people, login, libraries):
    meeting = MeetingFactory(library=libraries.air_batu)
    client = login(people.charlie)
    assert client.get(url(meeting)).status_code == 404
    assert client.post(url(meeting), meeting_data(region="16.71")).status_code == 404
    assert login(people.viewer).get(url(meeting)).status_code == 404
    assert login(people.manager).get(url(meeting)).status_code == 200


def test_bad_id_is_404(people, login):
    assert login(people.admin).get(reverse("advocacy:edit", args=[98765])).status_code == 404


def test_wrong_method_is_405(people, login, libraries):
    meeting = MeetingFactory(library=libraries.air_batu)
    assert login(people.admin).put(url(meeting)).status_code == 405
