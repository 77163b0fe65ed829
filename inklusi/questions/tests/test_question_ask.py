import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from inklusi.questions.models import Question
from inklusi.testing.photos import jpeg_with_gps, upload

URL = reverse("questions:create")
TEXT = "Bagaimana mencatat peserta disabilitas di laporan?"


def test_a_manager_asks_for_their_library(people, libraries, login):
    response = login(people.manager).post(URL, {"text": TEXT})
    question = Question.objects.get()
    assert response.status_code == 302
    assert (question.library, question.asked_by) == (libraries.air_batu, people.manager)


def test_a_photo_goes_with_it_without_its_location(people, login):
    photo = upload(jpeg_with_gps((400, 300)), name="rak.jpg")
    login(people.manager).post(URL, {"text": TEXT, "photo": photo})
    stored = Question.objects.get().photo.read()
    assert stored.startswith(b"\xff\xd8") and b"GPS" not in stored


def test_a_file_that_is_not_a_photo_is_refused_and_the_text_kept(people, login):
    fake = SimpleUploadedFile("rak.jpg", b"%PDF-1.4 not a photo", "image/jpeg")
    response = login(people.manager).post(URL, {"text": TEXT, "photo": fake})
    assert response.status_code == 200
    assert TEXT in response.text and 'class="error"' in response.text
    assert not Question.objects.exists()


def test_questions_are_rate_limited_per_person(people, login, settings):
    settings.QUESTION_RATE = (1, 3600)
    client = login(people.manager)
    assert client.post(URL, {"text": TEXT}).status_code == 302
    response = client.post(URL, {"text": "Pertanyaan kedua"})
    assert response.status_code == 200
    assert "Pertanyaan kedua" in response.text
    assert Question.objects.count() == 1


def test_a_facilitator_writes_one_down_for_a_library(people, libraries, login):
    client = login(people.facilitator)
    assert client.post(URL, {"text": TEXT, "library": libraries.kemang_manis.pk}).status_code == 200
    assert client.post(URL, {"text": TEXT, "library": libraries.sukajadi.pk}).status_code == 302
    assert Question.objects.get().library == libraries.sukajadi


@pytest.mark.parametrize("who", ["viewer", "nobody"])
def test_read_only_people_do_not_ask(people, login, who):
    assert login(getattr(people, who)).get(URL).status_code == 403
