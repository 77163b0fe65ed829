import datetime

from django.test import override_settings
from django.urls import reverse

from inklusi.activities import services as activity_services
from inklusi.core.months import this_month
from inklusi.reports.models import late_from
from inklusi.testing.clock import freeze_today


def test_manager_sees_own_library_and_what_is_missing(people, libraries, login):
    response = login(people.manager).get(reverse("home:home"))
    assert response.status_code == 200
    assert "Perpustakaan Desa Air Batu" in response.text
    assert reverse("libraries:edit", args=[libraries.air_batu.pk]) in response.text
    assert "Perpustakaan Desa Sukajadi" not in response.text


def test_coordinator_sees_counts_and_incomplete_profiles_of_own_area(people, libraries, login):
    response = login(people.regency).get(reverse("home:home"))
    assert response.status_code == 200
    assert response.context["library_total"] == 3  # Air Batu, Sukajadi, the regency library
    names = [lib.name for lib in response.context["incomplete"]]
    assert "Perpustakaan Desa Sukajadi" in names
    assert "Perpustakaan Kelurahan Tiga-puluh-lima Ilir" not in names


def test_user_without_role_is_told_to_ask_for_an_invitation(people, login):
    response = login(people.nobody).get(reverse("home:home"))
    assert response.status_code == 200
    assert response.context["library_total"] == 0
    assert response.context["roles"] == []


def test_health_answers_without_login(client, db):
    assert client.get(reverse("home:health")).content == b"ok"


def test_coordinator_is_asked_to_invite_managers_of_unmanaged_libraries(people, libraries, login):
    response = login(people.regency).get(reverse("home:home"))
    names = {library.name for library in response.context["unmanaged"]}
    # Air Batu has its manager; Sukajadi and the regency library have none yet.
    assert names == {"Perpustakaan Desa Sukajadi", "Perpustakaan Daerah Banyuasin"}
    link = f"{reverse('team:invite')}?role=library_manager&amp;library={libraries.sukajadi.pk}"
    assert link in response.text


def test_invite_link_arrives_with_role_and_library_filled_in(people, libraries, login):
    url = f"{reverse('team:invite')}?role=library_manager&library={libraries.sukajadi.pk}"
    response = login(people.regency).get(url)
    assert 'value="library_manager" selected' in response.text
    assert "Perpustakaan Desa Sukajadi" in response.text  # the picker names the library


def test_managers_and_viewers_get_no_invite_list(people, libraries, login):
    assert login(people.manager).get(reverse("home:home")).context["unmanaged"] == []
    assert login(people.viewer).get(reverse("home:home")).context["unmanaged"] == []


def test_home_queries_do_not_grow_with_open_invitations(people, libraries, login):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from inklusi.accounts.models import Invitation, Role

    client = login(people.regency)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            response = client.get(reverse("home:home"))
        return len(captured), response

    before, _ = queries()
    for number in range(6):
        Invitation.objects.create(
            email=f"calon{number}@example.id",
            role=Role.LIBRARY_MANAGER,
            library=libraries.sukajadi,
            invited_by=people.regency,
        )
    after, response = queries()
    assert after == before
    assert len(response.context["pending_invitations"]) == 6


def test_manager_is_asked_for_last_months_report_until_it_is_filed(people, libraries, login):
    from inklusi.testing.factories import MonthlyReportFactory

    client = login(people.manager)
    create = reverse("reports:create")
    assert [i["library"] for i in client.get("/").context["to_file"]][:1] == [libraries.air_batu]
    MonthlyReportFactory(library=libraries.air_batu)  # last month
    assert client.get("/").context["to_file"] == []  # this month has not ended
    with override_settings(REPORT_OPENS_DAYS_BEFORE_END=31):
        months = [i["month"] for i in client.get("/").context["to_file"]]
        assert months == [this_month()]
        assert create in client.get("/").text


def test_manager_sees_activities_sent_back_with_the_comment(people, libraries, login):
    from inklusi.testing.factories import ActivityFactory

    activity = ActivityFactory(library=libraries.air_batu)
    activity_services.send_back(activity, people.regency, "Tambahkan foto kegiatan.")
    response = login(people.manager).get(reverse("home:home"))
    assert list(response.context["sent_back"]) == [activity]
    assert "Tambahkan foto kegiatan." in response.text
    assert list(login(people.charlie).get(reverse("home:home")).context["sent_back"]) == []


@override_settings(REPORT_DUE_DAY=10)
def test_coordinator_sees_what_awaits_verification_and_who_reported(
    people, libraries, login, monkeypatch
):
    from inklusi.testing.factories import ActivityFactory, MonthlyReportFactory

    freeze_today(monkeypatch, datetime.date(2026, 11, 28))
    ActivityFactory(library=libraries.air_batu)  # published, awaiting verification
    ActivityFactory(library=libraries.kemang_manis)  # Palembang: not Banyuasin's
    report = MonthlyReportFactory(library=libraries.air_batu, month=datetime.date(2026, 10, 1))
    report.submitted_at = late_from(report.month) - datetime.timedelta(days=2)
    report.save()
    response = login(people.regency).get(reverse("home:home"))
    assert response.context["to_verify_count"] == 1
    # Air Batu and the regency library report (beneficiaries); Sukajadi is a candidate.
    reporting = response.context["reporting"]
    assert reporting["expected"] == 2
    # On time, late (the regency library's, missing after 10 November), not yet due.
    assert [s["count"] for s in reporting["states"]] == [1, 1, 0]
    assert login(people.manager).get("/").context["to_verify_count"] == 0


def test_coordinator_sees_overdue_advocacy_follow_ups_of_own_area(people, libraries, login):
    from inklusi.advocacy.tests.helpers import MeetingFactory
    from inklusi.partners.tests.helpers import days

    MeetingFactory(region=libraries.regions["16.07"], topic="APBD 2027", follow_up_on=days(-3))
    assert "APBD 2027" in login(people.regency).get(reverse("home:home")).text
    assert "APBD 2027" not in login(people.charlie).get(reverse("home:home")).text


def test_a_participant_sees_the_bimtek_and_todays_check_in_on_the_home_page(
    people, libraries, login
):
    from datetime import timedelta

    from inklusi.trainings.tests.helpers import add_session, make_training, register

    training = make_training(libraries.banyuasin, title="Bimtek Literasi Digital")
    add_session(training, timedelta(0))  # starting now: today's session
    register(training, people.manager, libraries.air_batu)
    page = login(people.manager).get(reverse("home:home")).text
    assert "Bimtek Literasi Digital" in page
    assert reverse("trainings:check_in", args=[training.pk]) in page
    assert "Bimtek Literasi Digital" not in login(people.charlie).get(reverse("home:home")).text


def test_sent_back_reaches_only_the_person_who_recorded_it(people, libraries, login):
    from inklusi.testing.factories import ActivityFactory

    by_manager = ActivityFactory(library=libraries.air_batu, created_by=people.manager)
    by_regency = ActivityFactory(library=libraries.air_batu, created_by=people.regency)
    activity_services.send_back(by_manager, people.facilitator, "Tambahkan foto kegiatan.")
    activity_services.send_back(by_regency, people.facilitator, "Jumlah peserta?")
    home = reverse("home:home")
    assert list(login(people.manager).get(home).context["sent_back"]) == [by_manager]
    assert list(login(people.regency).get(home).context["sent_back"]) == [by_regency]
    for persona in (people.province, people.admin, people.facilitator, people.viewer):
        response = login(persona).get(home)
        assert list(response.context["sent_back"]) == []
        assert "Dikembalikan kepada Anda" not in response.text


def test_the_coordinator_sees_what_they_sent_back_below_their_tasks(people, libraries, login):
    from inklusi.testing.factories import ActivityFactory

    activity = ActivityFactory(library=libraries.air_batu, created_by=people.manager)
    activity_services.send_back(activity, people.regency, "Tambahkan foto kegiatan.")
    response = login(people.regency).get(reverse("home:home"))
    assert list(response.context["returned_by_me"]) == [activity]
    page = response.text
    assert page.index("Perlu dikerjakan: undang pengelola") < page.index(
        "Anda kembalikan — menunggu perbaikan"
    )
    assert "Tambahkan foto kegiatan." in page
    assert list(login(people.province).get(reverse("home:home")).context["returned_by_me"]) == []
    # Once corrected and published again it leaves the list.
    activity_services.publish(activity, people.manager)
    assert list(login(people.regency).get(reverse("home:home")).context["returned_by_me"]) == []
