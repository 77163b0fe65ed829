"""A library's own page of the dashboard: its people's next steps instead of "who needs a
call" (which named the library to its own manager), and no figure at −100 % because this
month's report is not in yet."""

import datetime

import pytest
from django.test import override_settings
from django.urls import reverse

from inklusi.activities import services as activity_services
from inklusi.plans.models import Plan
from inklusi.testing.clock import freeze_today
from inklusi.testing.factories import ActivityFactory, MonthlyReportFactory

SEPTEMBER = datetime.date(2026, 9, 1)
OCTOBER = datetime.date(2026, 10, 1)
WHATSAPP = "6281234567890"


@pytest.fixture
def air_batu(libraries, people, monkeypatch):
    """28 November 2026: September reported, October (due 10 November) not; one activity
    sent back to the manager who recorded it, one draft; no plan for 2026."""
    freeze_today(monkeypatch, datetime.date(2026, 11, 28))
    library = libraries.air_batu
    library.whatsapp = WHATSAPP
    library.save()
    MonthlyReportFactory(library=library, month=SEPTEMBER, visitors_female=300)
    returned = ActivityFactory(
        library=library, created_by=people.manager, title="Kelas menjahit", starts_on=OCTOBER
    )
    activity_services.send_back(returned, people.regency, "Tambahkan foto kegiatan.")
    ActivityFactory(library=library, status="draft", title="Dongeng anak", starts_on=OCTOBER)
    return library


def page(client, library, **params):
    return client.get(reverse("monitoring:library", args=[library.pk]), params)


@override_settings(REPORT_DUE_DAY=10)
def test_the_manager_sees_their_next_steps_late_ones_first(people, login, air_batu):
    client = login(people.manager)
    assert client.get(reverse("monitoring:index")).url == reverse(
        "monitoring:library", args=[air_batu.pk]
    )
    response = page(client, air_batu)
    steps = [(str(step.text), step.urgent) for step in response.context["next_steps"]]
    assert set(steps[:2]) == {
        ("Isi laporan Oktober 2026 — terlambat 18 hari", True),
        ("Perbaiki “Kelas menjahit”: Tambahkan foto kegiatan.", True),
    }
    assert ("Terbitkan 1 draf kegiatan", False) in steps
    assert ("Susun rencana kerja 2026", False) in steps
    urls = [step.url for step in response.context["next_steps"]]
    assert f"{reverse('reports:create')}?library={air_batu.pk}&month=2026-10" in urls
    text = response.content.decode()
    assert "Langkah berikutnya" in text


@override_settings(REPORT_DUE_DAY=10)
def test_no_call_to_themselves_and_no_minus_100(people, login, air_batu):
    response = page(login(people.manager), air_batu)
    text = response.content.decode()
    assert "dash-attention" not in text
    assert "wa.me" not in text
    assert "−100" not in text
    figures, changes = response.context["board"].figures, response.context["board"].changes
    assert figures["visitors"] is None  # October has no report yet: not known, not zero
    assert changes["visitors"] is None and changes["compliance"] is None


@override_settings(REPORT_DUE_DAY=10)
def test_a_reported_month_is_shown_and_compared(people, login, air_batu):
    MonthlyReportFactory(library=air_batu, month=OCTOBER, visitors_female=150, visitors_male=0)
    response = page(login(people.manager), air_batu)
    board = response.context["board"]
    assert board.figures["visitors"] == 150
    assert board.changes["visitors"]["direction"] == "down"  # from 395 in September
    assert all(
        not step.urgent or "Kelas" in str(step.text) for step in response.context["next_steps"]
    )


@override_settings(REPORT_DUE_DAY=10)
def test_the_steps_follow_the_plan(people, login, air_batu):
    plan = Plan.objects.create(library=air_batu, year=2026)
    steps = [str(s.text) for s in page(login(people.manager), air_batu).context["next_steps"]]
    assert "Selesaikan rencana kerja 2026 dan kirim untuk ditinjau" in steps
    plan.state = "submitted"
    plan.save()
    steps = [str(s.text) for s in page(login(people.manager), air_batu).context["next_steps"]]
    assert not any("rencana kerja" in step for step in steps)


@override_settings(REPORT_DUE_DAY=10)
def test_a_coordinator_sees_the_steps_and_the_libraries_whatsapp(people, login, air_batu):
    response = page(login(people.regency), air_batu)
    assert response.context["next_steps"]
    assert f"wa.me/{WHATSAPP}" in response.content.decode()


@override_settings(REPORT_DUE_DAY=10)
def test_a_viewer_gets_the_figures_but_no_steps(people, login, air_batu):
    response = page(login(people.viewer), air_batu)
    assert response.status_code == 200
    assert response.context["next_steps"] == []
    assert "Langkah berikutnya" not in response.content.decode()


@override_settings(REPORT_DUE_DAY=10)
def test_regions_still_show_who_needs_a_call(people, login, air_batu):
    response = login(people.regency).get(reverse("monitoring:region", args=["16.07"]))
    assert "dash-attention" in response.content.decode()
    assert "next_steps" not in response.context


def test_another_library_stays_404(people, login, libraries):
    response = login(people.manager).get(
        reverse("monitoring:library", args=[libraries.kemang_manis.pk])
    )
    assert response.status_code == 404
