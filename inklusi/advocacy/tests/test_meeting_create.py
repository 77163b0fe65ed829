"""Logging an advocacy meeting: about a library or a region of one's area, follow-up ahead."""

from django.urls import reverse

from inklusi.advocacy.models import AdvocacyMeeting
from inklusi.partners.tests.helpers import days, messages_of

from .helpers import meeting_data

URL = reverse("advocacy:create")


def test_it_works(people, login, libraries):
    client = login(people.regency)
    assert client.get(URL).status_code == 200
    response = client.post(URL, meeting_data())
    meeting = AdvocacyMeeting.objects.get()
    assert response.status_code == 302
    assert response["Location"] == meeting.get_absolute_url()
    assert (meeting.region_id, meeting.library) == ("16.07", None)
    assert (meeting.asked_amount, meeting.committed_amount) == (450_000_000, 150_000_000)
    assert meeting.created_by == people.regency
    assert not meeting.follow_up_done


def test_manager_logs_a_meeting_about_their_library(people, login, libraries):
    data = meeting_data(region="16.07", library=libraries.sukajadi.pk, counterpart_kind="musdes")
    response = login(people.manager).post(URL, data)
    assert response.status_code == 302
    meeting = AdvocacyMeeting.objects.get()
    assert (meeting.library, meeting.region) == (libraries.air_batu, None)


def test_a_past_follow_up_date_for_a_new_meeting_is_refused(people, login, libraries):
    data = meeting_data(follow_up_on=days(-1).isoformat())
    response = login(people.regency).post(URL, data)
    assert response.status_code == 200
    assert response.context["form"].errors["follow_up_on"] == [
        "The follow-up date has already passed. Choose today or a later day."
    ]
    html = response.content.decode()
    assert "APBD untuk internet 30 perpustakaan desa" in html  # nothing lost
    assert 'value="450.000.000"' in html
    assert "nothing was saved" in " ".join(messages_of(response))
    assert not AdvocacyMeeting.objects.exists()


def test_today_is_a_fine_follow_up_date(people, login, libraries):
    response = login(people.regency).post(URL, meeting_data(follow_up_on=days(0).isoformat()))
    assert response.status_code == 302


def test_the_subject_is_a_library_or_a_region(people, login, libraries):
    client = login(people.regency)
    response = client.post(URL, meeting_data(region="", library=""))
    assert response.context["form"].has_error("library")
    response = client.post(URL, meeting_data(library=libraries.air_batu.pk))
    assert response.context["form"].has_error("library")
    response = client.post(URL, meeting_data(region="16.71"))
    assert response.context["form"].has_error("region")
    response = client.post(URL, meeting_data(region="", library=libraries.kemang_manis.pk))
    assert response.context["form"].has_error("library")
    assert not AdvocacyMeeting.objects.exists()
    response = client.post(URL, meeting_data(region="", library=libraries.air_batu.pk))
    assert response.status_code == 302


def test_other_bad_input(people, login, libraries):
    client = login(people.regency)
    for field, changes in (
        ("met_on", {"met_on": days(1).isoformat()}),
        ("met_on", {"met_on": "kemarin"}),
        ("follow_up_on", {"met_on": days(-5).isoformat(), "follow_up_on": days(-6).isoformat()}),
        ("asked_amount", {"asked_amount": "-1"}),
        ("committed_amount", {"committed_amount": "9" * 40}),
        ("commitment_source", {"commitment_source": ""}),
        ("counterpart_kind", {"counterpart_kind": "nonsense"}),
        ("topic", {"topic": "x\x00"}),
    ):
        response = client.post(URL, meeting_data(**changes))
        assert response.status_code == 200, changes
        assert response.context["form"].has_error(field), changes
    assert not AdvocacyMeeting.objects.exists()


def test_read_only_viewer_gets_403(people, login, libraries):
    client = login(people.viewer)
    assert client.get(URL).status_code == 403
    assert client.post(URL, meeting_data()).status_code == 403
    assert not AdvocacyMeeting.objects.exists()


def test_wrong_method_is_405(people, login):
    assert login(people.regency).put(URL).status_code == 405
