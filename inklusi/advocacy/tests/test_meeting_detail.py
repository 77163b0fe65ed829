"""A meeting's page, and marking its follow-up done."""

from django.urls import reverse

from inklusi.partners.tests.helpers import days

from .helpers import MeetingFactory


def url(meeting):
    return reverse("advocacy:detail", args=[meeting.pk])


def done_url(meeting):
    return reverse("advocacy:follow_up", args=[meeting.pk])


def test_it_works(people, login, libraries):
    meeting = MeetingFactory(
        library=libraries.air_batu,
        committed="Dana Desa",
        committed_amount=15_000_000,
        commitment_source="village",
        follow_up_on=days(3),
    )
    response = login(people.facilitator).get(url(meeting))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Rp15,000,000" in html
    assert reverse("advocacy:brief_library_form", args=[libraries.air_batu.pk]) in html
    assert done_url(meeting) in html


def test_a_read_only_viewer_never_reads_the_log(people, login, libraries):
    """Bappeda may be the counterpart: what was asked and promised are the library side's
    notes. Viewers get the brief (the outcomes) instead."""
    meeting = MeetingFactory(library=libraries.air_batu, committed="Dana Desa")
    client = login(people.viewer)
    assert client.get(url(meeting)).status_code == 404
    assert client.post(done_url(meeting), {"outcome": "x"}).status_code == 404
    assert client.get(reverse("advocacy:list")).status_code == 403
    brief = reverse("advocacy:brief_library_form", args=[libraries.air_batu.pk])
    assert client.get(brief).status_code == 200


def test_the_follow_up_is_marked_done(people, login, libraries):
    meeting = MeetingFactory(region=libraries.regions["16.07"], follow_up_on=days(-1))
    client = login(people.regency)
    assert done_url(meeting) in client.get(url(meeting)).content.decode()
    response = client.post(done_url(meeting), {"outcome": "Disetujui dalam RKPD"})
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.follow_up_done and meeting.outcome == "Disetujui dalam RKPD"


def test_an_outcome_is_needed(people, login, libraries):
    meeting = MeetingFactory(region=libraries.regions["16.07"], follow_up_on=days(-1))
    response = login(people.regency).post(done_url(meeting), {"outcome": "  "})
    assert response.status_code == 200
    assert response.context["follow_up_form"].has_error("outcome")
    meeting.refresh_from_db()
    assert not meeting.follow_up_done


def test_it_checks_scope(people, login, libraries):
    meeting = MeetingFactory(library=libraries.air_batu, follow_up_on=days(1))
    client = login(people.charlie)
    assert client.get(url(meeting)).status_code == 404
    assert client.post(done_url(meeting), {"outcome": "x"}).status_code == 404
    assert login(people.viewer).post(done_url(meeting), {"outcome": "x"}).status_code == 404
    meeting.refresh_from_db()
    assert not meeting.follow_up_done


def test_bad_id_is_404(people, login):
    client = login(people.admin)
    assert client.get(reverse("advocacy:detail", args=[98765])).status_code == 404
    assert client.post(reverse("advocacy:follow_up", args=[98765])).status_code == 404


def test_wrong_method_is_405(people, login, libraries):
    meeting = MeetingFactory(library=libraries.air_batu)
    client = login(people.admin)
    assert client.post(url(meeting)).status_code == 405
    assert client.get(done_url(meeting)).status_code == 405
