import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from inklusi.accounts.models import Role
from inklusi.announcements.models import Announcement, Receipt
from inklusi.testing.factories import UserFactory
from inklusi.testing.pdf import pdf_bytes
from inklusi.testing.photos import jpeg_with_gps, upload

URL = reverse("announcements:create")


def data(**changes):
    return {
        "title": "Laporan bulan ini",
        "body": "Mohon kirim laporan bulanan sebelum tanggal 10.",
        "region": "16.07",
        **changes,
    }


def test_it_works(people, login):
    response = login(people.regency).get(URL)
    assert response.status_code == 200
    assert 'value="16.07"' in response.text  # their own regency, already filled in


def test_regency_coordinator_reaches_the_people_of_the_regency(people, libraries, login):
    response = login(people.regency).post(URL, data())
    announcement = Announcement.objects.get()
    assert response.status_code == 302
    assert response["Location"] == announcement.get_absolute_url()
    reached = set(Receipt.objects.values_list("user__email", flat=True))
    assert reached == {"fasil@example.id", "pengelola@example.id", "bappeda@example.id"}


def test_roles_narrow_the_audience(people, login):
    login(people.regency).post(URL, data(audience_roles=[Role.LIBRARY_MANAGER]))
    assert list(Receipt.objects.values_list("user", flat=True)) == [people.manager.pk]


def test_a_cohort_reaches_only_its_libraries(people, libraries, login):
    libraries.air_batu.cohort_year = 2024
    libraries.air_batu.save()
    other = UserFactory(role=(Role.LIBRARY_MANAGER, libraries.sukajadi))
    libraries.sukajadi.cohort_year = 2025
    libraries.sukajadi.save()
    login(people.regency).post(URL, data(cohort_year="2024"))
    reached = set(Receipt.objects.values_list("user", flat=True))
    assert reached == {people.manager.pk}
    assert other.pk not in reached


def test_national_admin_may_address_the_whole_country(people, login):
    login(people.admin).post(URL, data(region=""))
    reached = set(Receipt.objects.values_list("user__email", flat=True))
    assert {"charlie@example.id", "sumsel@example.id", "pengelola@example.id"} <= reached
    assert "admin@example.id" not in reached  # not to its author


@pytest.mark.parametrize("region", ["16.71", "16", ""])
def test_outside_their_area_is_refused_and_the_text_kept(people, login, region):
    response = login(people.regency).post(URL, data(region=region))
    assert response.status_code == 200
    assert "Mohon kirim laporan bulanan sebelum tanggal 10." in response.text
    assert not Announcement.objects.exists()


@pytest.mark.parametrize("who", ["manager", "facilitator", "viewer", "nobody"])
def test_only_coordinators_announce(people, login, who):
    client = login(getattr(people, who))
    assert client.get(URL).status_code == 403
    assert client.post(URL, data()).status_code == 403
    assert not Announcement.objects.exists()


def test_announcements_are_rate_limited_per_person(people, login, settings):
    settings.ANNOUNCEMENT_RATE = (2, 3600)
    client = login(people.regency)
    for _ in range(2):
        assert client.post(URL, data()).status_code == 302
    response = client.post(URL, data(title="Yang ketiga"))
    assert response.status_code == 200
    assert "dalam satu jam" in response.text
    assert 'value="Yang ketiga"' in response.text
    assert Announcement.objects.count() == 2
    # Another coordinator is not held back by the first one's count.
    assert login(people.province).post(URL, data()).status_code == 302


def test_a_pdf_attachment_is_kept(people, login):
    pdf = SimpleUploadedFile("undangan.pdf", pdf_bytes(), "application/pdf")
    login(people.regency).post(URL, data(attachment=pdf))
    announcement = Announcement.objects.get()
    assert announcement.attachment_name == "undangan.pdf"
    assert announcement.attachment.read().startswith(b"%PDF-")


def test_a_photo_attachment_loses_its_location(people, login):
    photo = upload(jpeg_with_gps((400, 300)), name="poster.jpg")
    login(people.regency).post(URL, data(attachment=photo))
    stored = Announcement.objects.get().attachment.read()
    assert stored.startswith(b"\xff\xd8") and b"GPS" not in stored


@pytest.mark.parametrize(
    "name,content",
    [
        ("undangan.pdf", b"<html><script>alert(1)</script></html>"),
        ("poster.jpg", b"%PDF-1.4\n% a pdf named as a photo\n"),
        ("poster.png", b"MZ\x90\x00 an executable"),
        ("program.exe", b"MZ\x90\x00 an executable"),
    ],
)
def test_an_attachment_that_is_not_what_it_claims_is_refused(people, login, name, content):
    response = login(people.regency).post(
        URL, data(attachment=SimpleUploadedFile(name, content, "application/pdf"))
    )
    assert response.status_code == 200
    assert 'class="error"' in response.text
    assert "Laporan bulan ini" in response.text
    assert not Announcement.objects.exists()


def test_an_attachment_over_the_size_cap_is_refused(people, login):
    big = SimpleUploadedFile(
        "besar.pdf", b"%PDF-1.4\n" + b"0" * (10 * 1024 * 1024), "application/pdf"
    )
    response = login(people.regency).post(URL, data(attachment=big))
    assert response.status_code == 200
    assert 'class="error"' in response.text and "10,0\xa0MB" in response.text
    assert not Announcement.objects.exists()
