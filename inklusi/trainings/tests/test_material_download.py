"""Material files are downloaded through a checked view: only the training's participants
and those who run it get them."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from inklusi.trainings.models import Material

from .helpers import add_session, make_training, register

CONTENT = b"%PDF-1.4 materi"


@pytest.fixture
def training(libraries):
    return make_training(libraries.banyuasin)


@pytest.fixture
def material(training, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    session = add_session(training)
    return Material.objects.create(
        session=session,
        title="Modul SPP",
        file=SimpleUploadedFile("modul spp.pdf", CONTENT, content_type="application/pdf"),
    )


def url(material):
    return reverse("trainings:material", args=[material.pk])


def test_href_points_to_the_checked_view(material):
    assert material.href == url(material)
    assert "/media/" not in material.href


def test_a_participant_downloads(people, login, libraries, training, material):
    register(training, people.manager, libraries.air_batu)
    response = login(people.manager).get(url(material))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == CONTENT
    assert response["Content-Disposition"].startswith("attachment")
    assert "modul" in response["Content-Disposition"]


def test_the_organiser_downloads(people, login, material):
    response = login(people.regency).get(url(material))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == CONTENT


def test_a_viewer_who_is_not_registered_gets_404(people, login, material):
    client = login(people.manager)
    # The manager sees the Banyuasin training but has not registered for it.
    detail = reverse("trainings:detail", args=[material.session.training_id])
    assert client.get(detail).status_code == 200
    assert client.get(url(material)).status_code == 404


def test_outside_the_area_gets_404(people, login, material):
    assert login(people.charlie).get(url(material)).status_code == 404


def test_a_link_is_not_served(people, login, training):
    link = Material.objects.create(
        session=add_session(training), title="Video", url="https://youtu.be/abc"
    )
    assert link.href == "https://youtu.be/abc"
    assert login(people.regency).get(url(link)).status_code == 404


def test_anonymous_is_sent_to_log_in(client, material):
    assert client.get(url(material)).status_code == 302
