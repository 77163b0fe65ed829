"""Editing a library profile: managers keep to their own library and its profile fields."""

import datetime

import pytest
from django.urls import reverse

from inklusi.libraries import services
from inklusi.libraries.models import Assistance, AssistanceKind, Kind, Library, Status
from inklusi.monitoring import summaries
from inklusi.monitoring.models import RegionMonth
from inklusi.testing.factories import ActivityFactory, MonthlyReportFactory

from .helpers import messages_of, profile_data


def url(library):
    return reverse("libraries:edit", args=[library.pk])


def test_it_works(people, login, libraries):
    lib = libraries.air_batu
    client = login(people.manager)
    assert client.get(url(lib)).status_code == 200
    response = client.post(
        url(lib),
        profile_data(lib, opening_hours="Senin–Sabtu 08.00–16.00", whatsapp="0812 3456 7890"),
    )
    assert response.status_code == 302
    lib.refresh_from_db()
    assert lib.opening_hours == "Senin–Sabtu 08.00–16.00"
    assert lib.whatsapp == "6281234567890"


def test_manager_cannot_change_programme_fields(people, login, libraries):
    lib = libraries.air_batu
    tampered = profile_data(
        lib,
        kind=Kind.PROVINCE,
        region="16.71.01.1001",
        status=Status.INDEPENDENT,
        cohort_year="2024",
        address="Jl. Baru 2",
    )
    response = login(people.manager).post(url(lib), tampered)
    assert response.status_code == 302
    lib.refresh_from_db()
    assert lib.address == "Jl. Baru 2"
    assert (lib.kind, lib.region_id, lib.status, lib.cohort_year) == (
        Kind.VILLAGE,
        "16.07.10.1002",
        Status.BENEFICIARY,
        2020,
    )


def test_manager_sees_programme_fields_disabled(people, login, libraries):
    response = login(people.manager).get(url(libraries.air_batu))
    form = response.context["form"]
    assert all(form.fields[name].disabled for name in ("kind", "region", "status", "cohort_year"))


def test_coordinator_changes_programme_fields(people, login, libraries):
    lib = libraries.air_batu
    response = login(people.regency).post(
        url(lib), profile_data(lib, status=Status.REPLICATING, cohort_year="2022")
    )
    assert response.status_code == 302
    lib.refresh_from_db()
    assert (lib.status, lib.cohort_year) == (Status.REPLICATING, 2022)


def test_coordinator_cannot_move_a_library_out_of_the_area(people, login, libraries):
    lib = libraries.air_batu
    response = login(people.regency).post(url(lib), profile_data(lib, region="16.71.01.1001"))
    assert response.status_code == 200
    assert response.context["form"].has_error("region")
    lib.refresh_from_db()
    assert lib.region_id == "16.07.10.1002"


def test_another_library_is_404(people, login, libraries):
    client = login(people.manager)
    assert client.get(url(libraries.sukajadi)).status_code == 404
    response = client.post(url(libraries.sukajadi), profile_data(libraries.sukajadi, name="X"))
    assert response.status_code == 404
    libraries.sukajadi.refresh_from_db()
    assert libraries.sukajadi.name == "Perpustakaan Desa Sukajadi"


def test_it_checks_scope(people, login, libraries):
    assert login(people.charlie).get(url(libraries.air_batu)).status_code == 404


def test_read_only_viewer_cannot_edit(people, login, libraries):
    lib = libraries.air_batu
    client = login(people.viewer)
    assert client.get(url(lib)).status_code == 404
    assert client.post(url(lib), profile_data(lib, name="X")).status_code == 404
    lib.refresh_from_db()
    assert lib.name == "Perpustakaan Desa Air Batu"


def test_bad_id_is_404(people, login):
    assert login(people.admin).get(reverse("libraries:edit", args=[987654])).status_code == 404


def test_wrong_method_is_405(people, login, libraries):
    assert login(people.manager).put(url(libraries.air_batu)).status_code == 405


def test_assistance_is_added(people, login, libraries):
    lib = libraries.air_batu
    row = {
        "kind": AssistanceKind.COMPUTERS,
        "description": "3 komputer",
        "received_on": "2020-08-17",
        "provider": "Perpusnas",
    }
    response = login(people.manager).post(url(lib), profile_data(lib, assistance=[row]))
    assert response.status_code == 302
    item = lib.assistance.get()
    assert (item.kind, item.received_on, item.provider) == (
        AssistanceKind.COMPUTERS,
        datetime.date(2020, 8, 17),
        "Perpusnas",
    )


def test_an_empty_extra_assistance_row_is_ignored(people, login, libraries):
    lib = libraries.air_batu
    row = {"kind": "", "description": "", "received_on": "", "provider": ""}
    response = login(people.manager).post(url(lib), profile_data(lib, assistance=[row]))
    assert response.status_code == 302
    assert not lib.assistance.exists()


def test_assistance_is_deleted(people, login, libraries):
    lib = libraries.air_batu
    item = Assistance.objects.create(
        library=lib, kind=AssistanceKind.BOOKS, received_on="2021-01-05", provider="CSR Bank"
    )
    data = profile_data(lib)
    data["assistance-0-DELETE"] = "on"
    response = login(people.manager).post(url(lib), data)
    assert response.status_code == 302
    assert not Assistance.objects.filter(pk=item.pk).exists()


def test_assistance_of_another_library_cannot_be_edited(people, login, libraries):
    other = Assistance.objects.create(
        library=libraries.sukajadi,
        kind=AssistanceKind.BOOKS,
        received_on="2021-01-05",
        provider="CSR Bank",
    )
    lib = libraries.air_batu
    data = profile_data(lib)
    data.update(
        {
            "assistance-TOTAL_FORMS": 1,
            "assistance-INITIAL_FORMS": 1,
            "assistance-0-id": other.pk,
            "assistance-0-kind": AssistanceKind.FUNDS,
            "assistance-0-received_on": "2021-01-05",
            "assistance-0-provider": "Penyusup",
            "assistance-0-DELETE": "on",
        }
    )
    client = login(people.manager)
    client.post(url(lib), data)
    other.refresh_from_db()
    assert other.provider == "CSR Bank"  # neither deleted nor changed
    del data["assistance-0-DELETE"]
    client.post(url(lib), data)
    other.refresh_from_db()
    assert (other.library, other.provider) == (libraries.sukajadi, "CSR Bank")
    assert not Assistance.objects.filter(provider="Penyusup").exists()


def test_a_failed_save_keeps_what_was_typed_and_saves_nothing(people, login, libraries):
    lib = libraries.air_batu
    data = profile_data(
        lib, opening_hours="Setiap hari 09.00–17.00", latitude="40.5", longitude="104.6"
    )
    response = login(people.manager).post(url(lib), data)
    assert response.status_code == 200
    assert response.context["form"].has_error("latitude")
    assert "Setiap hari 09.00–17.00" in response.text
    assert 'value="40.5"' in response.text
    assert any("nothing was saved" in m for m in messages_of(response))
    lib.refresh_from_db()
    assert lib.opening_hours == ""
    assert lib.latitude is None


def test_an_invalid_assistance_row_saves_nothing(people, login, libraries):
    lib = libraries.air_batu
    future = (datetime.date.today() + datetime.timedelta(days=30)).isoformat()
    row = {"kind": AssistanceKind.BOOKS, "received_on": future, "provider": "Perpusnas"}
    data = profile_data(lib, assistance=[row], name="Nama Baru", address="Jl. Diketik 7")
    response = login(people.manager).post(url(lib), data)
    assert response.status_code == 200
    assert "The date cannot be later than today." in response.text
    assert "Jl. Diketik 7" in response.text
    assert "Nama Baru" in response.text
    lib.refresh_from_db()
    assert lib.name == "Perpustakaan Desa Air Batu"
    assert lib.address == "Jl. Poros Desa No. 1"
    assert not lib.assistance.exists()


def test_form_and_assistance_errors_show_together(people, login, libraries):
    lib = libraries.air_batu
    row = {"kind": AssistanceKind.BOOKS, "received_on": "", "provider": ""}
    data = profile_data(lib, assistance=[row], whatsapp="12345")
    response = login(people.manager).post(url(lib), data)
    assert response.status_code == 200
    assert response.context["form"].has_error("whatsapp")
    assert not response.context["formset"].is_valid()
    assert response.context["formset"].forms[0].has_error("provider")


def test_the_page_title_keeps_the_saved_name_after_a_failed_save(people, login, libraries):
    lib = libraries.air_batu
    data = profile_data(lib, name="Nama Belum Tersimpan", latitude="99")
    response = login(people.manager).post(url(lib), data)
    assert response.context["library"].name == "Perpustakaan Desa Air Batu"


def test_a_post_without_the_formset_does_not_crash(people, login, libraries):
    lib = libraries.air_batu
    response = login(people.manager).post(url(lib), {"name": "Hanya nama"})
    assert response.status_code == 200
    lib.refresh_from_db()
    assert lib.name == "Perpustakaan Desa Air Batu"


@pytest.mark.parametrize("who", ["admin", "province", "regency", "facilitator", "manager"])
def test_editors_in_scope_open_the_form(people, login, libraries, who):
    assert login(getattr(people, who)).get(url(libraries.air_batu)).status_code == 200


def test_a_coordinator_moving_a_library_moves_its_dashboard_figures(
    people, login, libraries, regions
):
    lib = libraries.air_batu
    MonthlyReportFactory(library=lib, loans=100)
    response = login(people.province).post(url(lib), profile_data(lib, region="16.07.10.1004"))
    assert response.status_code == 302
    assert RegionMonth.objects.get(region_code="16.07.10").loans == 100
    assert all(d == (0, 0) for d in summaries.check().values())


def test_saving_a_library_loaded_before_an_activity_keeps_its_last_activity_date(libraries):
    stale = Library.objects.get(pk=libraries.air_batu.pk)
    activity = ActivityFactory(library=libraries.air_batu)
    stale.name = "Perpustakaan Desa Air Batu Baru"
    services.save_library(stale)
    stale.refresh_from_db()
    assert stale.last_activity_on == activity.starts_on
    assert all(d == (0, 0) for d in summaries.check().values())
