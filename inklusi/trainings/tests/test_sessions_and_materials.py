"""The agenda: sessions on the training's days, and materials (files with a type and size
check, or links)."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from inklusi.trainings.forms import MAX_MATERIAL_BYTES
from inklusi.trainings.models import Material, Session

from .helpers import add_session, make_training


@pytest.fixture
def training(libraries):
    return make_training(libraries.banyuasin)


def session_data(training, **changes):
    day = (training.starts_on + timedelta(days=1)).isoformat()
    data = {
        "topic": "Rencana kerja",
        "trainer": "Cicih",
        "day": day,
        "start": "13:00",
        "end": "15:00",
    }
    return data | changes


def test_create_and_edit(people, login, training):
    client = login(people.regency)
    url = reverse("trainings:session_create", args=[training.pk])
    assert client.get(url).status_code == 200
    assert client.post(url, session_data(training)).status_code == 302
    session = Session.objects.get()
    assert session.time_label() == "13.00–15.00 WIB"
    edit = reverse("trainings:session_edit", args=[session.pk])
    assert 'value="13:00"' in client.get(edit).text
    client.post(edit, session_data(training, end="16:00"))
    session.refresh_from_db()
    assert session.time_label() == "13.00–16.00 WIB"


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"end": "12:00"}, "end"),
        ({"day": "2001-01-01"}, "day"),
        ({"start": "25:00"}, "start"),
        ({"day": "x" * 50}, "day"),
        ({"topic": ""}, "topic"),
    ],
)
def test_bad_sessions_are_refused(people, login, training, changes, field):
    response = login(people.regency).post(
        reverse("trainings:session_create", args=[training.pk]), session_data(training, **changes)
    )
    assert response.status_code == 200
    assert response.context["form"].has_error(field)
    assert not Session.objects.exists()


def test_delete(people, login, training):
    session = add_session(training)
    url = reverse("trainings:session_delete", args=[session.pk])
    assert login(people.charlie).post(url).status_code == 404
    assert login(people.regency).get(url).status_code == 405
    assert login(people.regency).post(url).status_code == 302
    assert not Session.objects.exists()


def test_sessions_check_scope(people, login, training):
    session = add_session(training)
    for user in (people.charlie, people.viewer, people.manager):
        client = login(user)
        assert client.get(reverse("trainings:session_edit", args=[session.pk])).status_code == 404
        assert (
            client.post(
                reverse("trainings:session_create", args=[training.pk]), session_data(training)
            ).status_code
            == 404
        )
    assert Session.objects.count() == 1
    assert login(people.admin).get(reverse("trainings:session_edit", args=[999])).status_code == 404


def pdf(name="materi.pdf", content=b"%PDF-1.4 materi"):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def test_materials(people, login, training, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    session = add_session(training)
    url = reverse("trainings:material_add", args=[session.pk])
    client = login(people.regency)
    assert client.post(url, {"title": "Modul SPP", "file": pdf(), "url": ""}).status_code == 302
    assert client.post(url, {"title": "Video", "url": "https://youtu.be/abc"}).status_code == 302
    file_material, link = Material.objects.order_by("pk")
    assert file_material.file.name.endswith("materi.pdf") and link.href == "https://youtu.be/abc"
    page = client.get(training.get_absolute_url()).text
    assert "Modul SPP" in page


@pytest.mark.parametrize(
    "data, message",
    [
        ({"title": "Palsu", "file": pdf(content=b"MZ\x90\x00 not a pdf")}, "Upload a PDF"),
        ({"title": "Exe", "file": pdf("virus.exe", b"%PDF-")}, "Upload a PDF"),
        ({"title": "Kosong"}, "Give either a file or a link."),
        (
            {"title": "Dua", "file": pdf(), "url": "https://example.id"},
            "Give either a file or a link.",
        ),
        ({"title": "Bukan", "url": "javascript:alert(1)"}, "Enter a valid URL."),
    ],
)
def test_bad_materials_are_refused(people, login, training, settings, tmp_path, data, message):
    settings.MEDIA_ROOT = tmp_path
    session = add_session(training)
    response = login(people.regency).post(
        reverse("trainings:material_add", args=[session.pk]), data
    )
    assert response.status_code == 200
    assert message in response.text
    assert not Material.objects.exists()


def test_a_too_large_file_is_refused(people, login, training, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    session = add_session(training)
    big = pdf(content=b"%PDF-" + b"0" * MAX_MATERIAL_BYTES)
    response = login(people.regency).post(
        reverse("trainings:material_add", args=[session.pk]), {"title": "Besar", "file": big}
    )
    assert "the largest accepted is" in response.text
    assert not Material.objects.exists()


def test_materials_are_hidden_from_visitors(people, login, training):
    session = add_session(training)
    Material.objects.create(session=session, title="Rahasia", url="https://example.id/modul")
    assert "Rahasia" not in login(people.viewer).get(training.get_absolute_url()).text


def test_material_delete_checks_scope(people, login, training):
    material = Material.objects.create(session=add_session(training), title="M", url="https://a.id")
    url = reverse("trainings:material_delete", args=[material.pk])
    assert login(people.charlie).post(url).status_code == 404
    assert login(people.regency).post(url).status_code == 302
    assert not Material.objects.exists()
