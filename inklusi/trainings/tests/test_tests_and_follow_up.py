"""Pre- and post-test scoring, the evaluation form, the action commitment."""

from datetime import timedelta

import pytest
from django.urls import reverse

from inklusi.trainings import services
from inklusi.trainings.models import AnswerSheet, Evaluation, SessionRating

from .helpers import add_questions, add_session, make_training, messages_of, register


@pytest.fixture
def training(libraries):
    training = make_training(libraries.banyuasin)
    add_session(training, -timedelta(minutes=30))
    return training


@pytest.fixture
def questions(training):
    return add_questions(training, 4)


@pytest.fixture
def registration(training, people, libraries):
    return register(training, people.manager, libraries.air_batu)


def answers(questions, right):
    """Form data answering the first `right` questions right and the rest wrong."""
    return {
        f"q{q.pk}": q.correct if i < right else (q.correct + 1) % 3 for i, q in enumerate(questions)
    }


def url(training, kind):
    return reverse("trainings:test", args=[training.pk, kind])


def test_score(questions):
    assert services.score(questions, {}) == 0
    assert services.score(questions, {str(q.pk): q.correct for q in questions}) == 100
    assert services.score(questions[:3], {str(questions[0].pk): questions[0].correct}) == 33
    assert services.score([], {}) == 0


def test_pre_and_post_test_and_gain(people, login, training, questions, registration):
    client = login(people.manager)
    assert client.get(url(training, "awal")).status_code == 200
    response = client.post(url(training, "awal"), answers(questions, 1), follow=True)
    assert "Your answers were saved. Your score: 25." in messages_of(response)
    client.post(url(training, "akhir"), answers(questions, 4))
    (row,) = services.participant_rows(training)
    assert (row.pre, row.post, row.gain) == (25, 100, 75)
    assert services.test_summary([row]) == {"count": 1, "pre": 25, "post": 100, "gain": 75}


def test_a_second_sheet_is_not_counted(people, login, training, questions, registration):
    client = login(people.manager)
    client.post(url(training, "akhir"), answers(questions, 1))
    response = client.post(url(training, "akhir"), answers(questions, 4), follow=True)
    assert any("already submitted" in m for m in messages_of(response))
    assert AnswerSheet.objects.get().score == 25
    with pytest.raises(Exception, match="already submitted"):
        services.submit_test(registration, "post", {})


def test_every_question_must_be_answered(people, login, training, questions, registration):
    data = answers(questions, 4)
    del data[f"q{questions[0].pk}"]
    response = login(people.manager).post(url(training, "akhir"), data)
    assert response.status_code == 200
    assert "Choose an answer." in response.text
    assert not AnswerSheet.objects.exists()


@pytest.mark.parametrize("value", ["9", "abc", "-1", "\x00", "1" * 50])
def test_bad_answers_never_500(people, login, training, questions, registration, value):
    data = answers(questions, 4) | {f"q{questions[0].pk}": value}
    assert login(people.manager).post(url(training, "akhir"), data).status_code == 200
    assert not AnswerSheet.objects.exists()


def test_post_test_waits_for_the_last_session(people, login, training, questions, registration):
    add_session(training, timedelta(days=1))
    response = login(people.manager).post(
        url(training, "akhir"), answers(questions, 4), follow=True
    )
    assert "The post-test opens when the last session starts." in messages_of(response)
    assert not AnswerSheet.objects.exists()


def test_pre_test_closes_when_the_first_session_ends(people, login, libraries, questions):
    training = questions[0].training
    training.sessions.update(ends_at=training.sessions.get().starts_at + timedelta(minutes=1))
    registration = register(training, people.regency, libraries.banyuasin)
    response = login(people.regency).post(url(training, "awal"), answers(questions, 4), follow=True)
    assert any("pre-test closed" in m for m in messages_of(response))
    assert not registration.answer_sheets.exists()


def test_tests_are_for_participants(people, login, training, questions):
    assert login(people.regency).get(url(training, "akhir")).status_code == 404
    assert login(people.manager).get(url(training, "tengah")).status_code == 404
    assert login(people.manager).put(url(training, "akhir")).status_code == 405


def test_evaluation(people, login, training, registration):
    session = training.sessions.get()
    evaluation_url = reverse("trainings:evaluation", args=[training.pk])
    client = login(people.manager)
    assert client.get(evaluation_url).status_code == 200
    bad = client.post(evaluation_url, {f"content{session.pk}": "9", f"trainer{session.pk}": "5"})
    assert bad.status_code == 200 and not Evaluation.objects.exists()
    data = {
        f"content{session.pk}": "4",
        f"trainer{session.pk}": "5",
        "comments": "Sangat bermanfaat",
    }
    client.post(evaluation_url, data)
    rating = SessionRating.objects.get()
    assert (rating.content, rating.trainer) == (4, 5)
    response = client.post(evaluation_url, data, follow=True)
    assert any("already sent" in m for m in messages_of(response))
    assert SessionRating.objects.count() == 1
    (row,) = services.session_rows(training)
    assert row["ratings"]["trainer"] == 5


def test_commitment_is_visible_to_the_coordinator_in_scope(people, login, training, registration):
    commitment_url = reverse("trainings:commitment", args=[training.pk])
    client = login(people.manager)
    assert client.post(commitment_url, {"commitment": ""}).status_code == 200
    client.post(commitment_url, {"commitment": "Kelas WhatsApp untuk UMKM desa, Agustus."})
    registration.refresh_from_db()
    assert registration.commitment.startswith("Kelas WhatsApp") and registration.committed_at
    listing = reverse("trainings:commitments")
    assert "Kelas WhatsApp" in login(people.regency).get(listing).text
    assert "Kelas WhatsApp" in login(people.viewer).get(listing).text
    assert "Kelas WhatsApp" not in login(people.charlie).get(listing).text
    assert login(people.charlie).post(listing).status_code == 405
