"""The rules of a library record: NPP, WhatsApp, coordinates, kind against region level."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from inklusi.accounts.scope import Scope
from inklusi.core.phones import normalize_whatsapp
from inklusi.libraries.forms import LibraryForm
from inklusi.libraries.models import Library
from inklusi.libraries.validators import normalize_npp, validate_in_indonesia

from .helpers import new_library_data, photo, profile_data

CREATE = reverse("libraries:create")


def edit_url(library):
    return reverse("libraries:edit", args=[library.pk])


def form_for(user, data, instance=None):
    return LibraryForm(data, instance=instance, scope=Scope(user))


# NPP


def test_duplicate_npp_gets_a_clear_message(people, login, libraries):
    libraries.sukajadi.npp = "1607052004"
    libraries.sukajadi.save()
    response = login(people.regency).post(
        CREATE, new_library_data("16.07.10.1002", npp="1607 0520 04")
    )
    assert response.status_code == 200
    assert response.context["form"].has_error("npp", "unique")
    assert "Another library already has this NPP" in response.text
    assert 'value="1607 0520 04"' in response.text
    assert Library.objects.filter(npp="1607052004").count() == 1


def test_duplicate_npp_on_edit(people, login, libraries):
    libraries.sukajadi.npp = "1607052004"
    libraries.sukajadi.save()
    lib = libraries.air_batu
    response = login(people.manager).post(edit_url(lib), profile_data(lib, npp="1607052004"))
    assert response.status_code == 200
    assert response.context["form"].has_error("npp", "unique")
    lib.refresh_from_db()
    assert lib.npp is None


def test_a_library_keeps_its_own_npp(people, login, libraries):
    lib = libraries.air_batu
    lib.npp = "1607052003"
    lib.save()
    response = login(people.manager).post(edit_url(lib), profile_data(lib, address="Jl. 2"))
    assert response.status_code == 302


def test_an_empty_npp_is_stored_as_none_so_many_libraries_may_lack_one(people, login, libraries):
    lib = libraries.air_batu
    response = login(people.manager).post(edit_url(lib), profile_data(lib, npp="  "))
    assert response.status_code == 302
    lib.refresh_from_db()
    assert lib.npp is None


@pytest.mark.parametrize(
    "typed,stored",
    [("1607052003", "1607052003"), ("16.07.05-2003", "1607052003"), (" ab 12 34 56 ", "AB123456")],
)
def test_npp_is_normalised(typed, stored):
    assert normalize_npp(typed) == stored


@pytest.mark.parametrize("typed", ["123", "12345/678", "x" * 21])
def test_bad_npp_is_refused(people, typed):
    form = form_for(people.regency, new_library_data("16.07.10.1002", npp=typed))
    assert not form.is_valid()
    assert form.has_error("npp")


# WhatsApp


@pytest.mark.parametrize(
    "typed",
    ["081234567890", "0812-3456-7890", "+62 812 3456 7890", "6281234567890", "81234567890"],
)
def test_whatsapp_is_normalised(typed):
    assert normalize_whatsapp(typed) == "6281234567890"


@pytest.mark.parametrize("typed", ["12345", "0211234567", "+1 555 0100", "0812"])
def test_bad_whatsapp_gets_a_message(people, typed):
    form = form_for(people.regency, new_library_data("16.07.10.1002", whatsapp=typed))
    assert not form.is_valid()
    assert "Indonesian mobile number" in form.errors["whatsapp"][0]


# Coordinates


@pytest.mark.parametrize(
    "lat,lng,field",
    [("40", "104.6", "latitude"), ("-2.9", "150", "longitude"), ("-2.9", "-104.6", "longitude")],
)
def test_coordinates_outside_indonesia_are_refused(people, lat, lng, field):
    form = form_for(people.regency, new_library_data("16.07.10.1002", latitude=lat, longitude=lng))
    assert not form.is_valid()
    assert "outside Indonesia" in form.errors[field][0]


@pytest.mark.parametrize("lat,lng,empty", [("-2.9", "", "longitude"), ("", "104.6", "latitude")])
def test_only_one_of_latitude_and_longitude_is_refused(people, lat, lng, empty):
    form = form_for(people.regency, new_library_data("16.07.10.1002", latitude=lat, longitude=lng))
    assert not form.is_valid()
    assert "Give both latitude and longitude" in form.errors[empty][0]


@pytest.mark.parametrize(
    "lat,lng",
    [
        ("-2.9760735", "104.7754307"),  # as copied from a map app: 7 decimals
        ("-2,976074", "104,775431"),  # Indonesian decimal comma
        (" -2.976074 ", " 104.775431 "),
    ],
)
def test_typed_coordinates_work(people, lat, lng):
    form = form_for(people.regency, new_library_data("16.07.10.1002", latitude=lat, longitude=lng))
    assert form.is_valid(), form.errors
    assert form.cleaned_data["latitude"] == Decimal("-2.976074")
    assert form.cleaned_data["longitude"] == Decimal("104.775431")


@pytest.mark.parametrize(
    "lat,lng",
    [
        ("-2.976074, 104.775431", ""),
        ("-2.976074,104.775431", "104.1"),  # the pasted pair wins over an older longitude
        ("", "-2.976074 104.775431"),
    ],
)
def test_a_pasted_pair_fills_both(people, lat, lng):
    data = new_library_data("16.07.10.1002", latitude=lat, longitude=lng)
    form = form_for(people.regency, data)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["latitude"] == Decimal("-2.976074")
    assert form.cleaned_data["longitude"] == Decimal("104.775431")


def test_text_in_coordinates_gets_a_message(people):
    data = new_library_data("16.07.10.1002", latitude="dekat masjid", longitude="104.6")
    form = form_for(people.regency, data)
    assert not form.is_valid()
    assert form.has_error("latitude")


def test_validate_in_indonesia_accepts_the_corners():
    validate_in_indonesia(Decimal("5.9"), Decimal("95.3"))  # Sabang
    validate_in_indonesia(Decimal("-8.5"), Decimal("140.4"))  # Merauke
    validate_in_indonesia(None, None)
    with pytest.raises(ValidationError):
        validate_in_indonesia(Decimal("1.3"), None)


# Kind against region level


@pytest.mark.parametrize(
    "kind,code,ok",
    [
        ("village", "16.07.10.1002", True),
        ("village", "16.07", False),
        ("regency", "16.07", True),
        ("regency", "16.07.10.1002", False),
        ("province", "16", True),
        ("tbm", "16.07.10", True),
        ("tbm", "16.07", False),
        ("school", "16.07.10.1002", True),
    ],
)
def test_kind_matches_region_level(people, kind, code, ok):
    form = form_for(people.province, new_library_data(code, kind=kind))
    assert form.is_valid() is ok, form.errors
    if not ok:
        assert form.has_error("region")


# Cohort


@pytest.mark.parametrize("year", ["2017", "2999"])
def test_cohort_year_out_of_range(people, year):
    form = form_for(people.regency, new_library_data("16.07.10.1002", cohort_year=year))
    assert not form.is_valid()
    assert form.has_error("cohort_year")


# Cover photo


def test_a_text_file_renamed_jpg_is_refused(people, login):
    data = new_library_data("16.07.10.1002", address="Jl. Diketik 3")
    data["cover_photo"] = SimpleUploadedFile("foto.jpg", b"bukan foto\n" * 50, "image/jpeg")
    response = login(people.regency).post(CREATE, data)
    assert response.status_code == 200
    assert response.context["form"].has_error("cover_photo")
    assert "Jl. Diketik 3" in response.text
    assert not Library.objects.filter(name="Perpustakaan Desa Baru").exists()


def test_a_truncated_jpeg_is_refused_not_a_crash(people, login):
    whole = photo(size=(1200, 900)).read()
    data = new_library_data("16.07.10.1002")
    data["cover_photo"] = SimpleUploadedFile("foto.jpg", whole[: len(whole) // 3], "image/jpeg")
    response = login(people.regency).post(CREATE, data)
    assert response.status_code == 200
    assert response.context["form"].has_error("cover_photo")
    assert not Library.objects.filter(name="Perpustakaan Desa Baru").exists()


def test_a_photo_over_the_size_limit_is_refused(people, login, libraries, settings):
    settings.MAX_IMAGE_UPLOAD_BYTES = 1000
    lib = libraries.air_batu
    data = profile_data(lib, address="Jl. Diketik 4")
    data["cover_photo"] = photo(size=(1200, 900))
    response = login(people.manager).post(edit_url(lib), data)
    assert response.status_code == 200
    assert response.context["form"].has_error("cover_photo", "too_large")
    assert "Jl. Diketik 4" in response.text
    lib.refresh_from_db()
    assert not lib.cover_photo
    assert lib.address == "Jl. Poros Desa No. 1"


def test_a_stored_photo_survives_an_edit_without_upload(people, login, libraries):
    lib = libraries.air_batu
    client = login(people.manager)
    data = profile_data(lib)
    data["cover_photo"] = photo()
    assert client.post(edit_url(lib), data).status_code == 302
    lib.refresh_from_db()
    stored = lib.cover_photo.name
    assert stored
    # Saving again without a new file, and a failed save, keep the stored photo.
    response = client.post(edit_url(lib), profile_data(lib, latitude="99", longitude="104"))
    assert response.status_code == 200
    assert client.post(edit_url(lib), profile_data(lib, address="Jl. 9")).status_code == 302
    lib.refresh_from_db()
    assert lib.cover_photo.name == stored


def test_incomplete_profiles_are_found_in_the_database_as_in_python(libraries):
    from inklusi.libraries.models import Library

    libraries.air_batu.latitude, libraries.air_batu.longitude = -2.9, 104.6
    libraries.air_batu.opening_hours = "Senin–Jumat 08.00–15.00"
    libraries.air_batu.whatsapp = "6281234567890"
    libraries.air_batu.cover_photo = "libraries/covers/x.jpg"
    libraries.air_batu.save()
    in_python = {lib.pk for lib in Library.objects.all() if lib.missing_profile_fields()}
    assert set(Library.objects.incomplete().values_list("pk", flat=True)) == in_python
    assert libraries.air_batu.pk not in in_python
