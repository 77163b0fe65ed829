"""A thread on a record: those who see the record read and write it; @mentions reach only
people who can see the record."""

import pytest
from django.urls import reverse

from inklusi.comments.models import Comment
from inklusi.testing.factories import ActivityFactory, MonthlyReportFactory


@pytest.fixture
def activity(libraries):
    return ActivityFactory(library=libraries.air_batu)


def thread_url(kind, record):
    return reverse("comments:thread", args=[kind, record.pk])


def test_the_thread_shows_on_the_record_page(people, login, activity):
    client = login(people.regency)
    response = client.post(thread_url("kegiatan", activity), {"body": "Foto kegiatannya bagus."})
    assert response.status_code == 302
    assert response["Location"] == activity.get_absolute_url() + "#komentar"
    page = login(people.manager).get(activity.get_absolute_url()).text
    assert 'id="komentar"' in page and "Foto kegiatannya bagus." in page


def test_htmx_gets_the_thread_back(people, login, activity):
    response = login(people.manager).post(
        thread_url("kegiatan", activity), {"body": "Terima kasih"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    assert response.text.lstrip().startswith('<section class="card comment-thread" id="komentar"')
    assert "Terima kasih" in response.text


def test_a_mention_of_someone_who_sees_the_record(people, login, activity):
    body = "Mohon dicek @fasil@example.id"
    login(people.manager).post(thread_url("kegiatan", activity), {"body": body})
    assert list(Comment.objects.get().mentioned.all()) == [people.facilitator]


def test_a_mention_of_someone_outside_the_record_is_refused(people, login, activity):
    body = "Lihat ini @charlie@example.id"
    response = login(people.manager).post(thread_url("kegiatan", activity), {"body": body})
    assert response.status_code == 200
    assert people.charlie.full_name in response.text  # named in the message
    assert body in response.text  # what was typed is kept
    assert not Comment.objects.exists()


def test_a_mention_of_an_unknown_address_is_refused(people, login, activity):
    response = login(people.manager).post(
        thread_url("kegiatan", activity), {"body": "Halo @siapa@contoh.id"}
    )
    assert "siapa@contoh.id" in response.text
    assert not Comment.objects.exists()


def test_the_picker_offers_only_people_who_see_the_record(people, login, activity):
    url = reverse("comments:people", args=["kegiatan", activity.pk])
    text = login(people.manager).get(url, {"q": "example.id"}).text
    assert 'data-mention="fasil@example.id"' in text
    assert 'data-mention="charlie@example.id"' not in text
    assert 'data-mention="nobody@example.id"' not in text


@pytest.mark.parametrize("kind", ["kegiatan", "laporan"])
def test_outsiders_get_404_and_nothing_is_written(people, libraries, login, activity, kind):
    record = activity if kind == "kegiatan" else MonthlyReportFactory(library=libraries.air_batu)
    client = login(people.charlie)
    assert client.get(thread_url(kind, record)).status_code == 404
    assert client.post(thread_url(kind, record), {"body": "Dari luar"}).status_code == 404
    url = reverse("comments:people", args=[kind, record.pk])
    assert client.get(url, {"q": "example"}).status_code == 404
    assert not Comment.objects.exists()


def test_the_viewer_reads_but_does_not_write(people, login, activity):
    client = login(people.viewer)
    assert client.get(thread_url("kegiatan", activity)).status_code == 200
    assert client.post(thread_url("kegiatan", activity), {"body": "x"}).status_code == 403


def test_an_unknown_kind_is_404(people, login, activity):
    assert login(people.admin).get(f"/komentar/pengguna/{activity.pk}/").status_code == 404
