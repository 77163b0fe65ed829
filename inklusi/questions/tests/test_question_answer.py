"""The regency's facilitator answers; the first answer takes the question; another regency
never sees it."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from inklusi.accounts.models import Role
from inklusi.accounts.scope import Scope
from inklusi.questions import services
from inklusi.questions.models import Question
from inklusi.testing.factories import UserFactory

from .helpers import ask


def answer_url(question):
    return reverse("questions:answer", args=[question.pk])


def test_it_goes_to_the_facilitators_and_coordinators_of_the_regency(people, libraries):
    question = ask(people.manager, libraries.air_batu)
    assert set(services.answerers(question)) == {people.facilitator, people.regency}


def test_the_regency_facilitator_answers_and_the_asker_reads_it(people, libraries, login):
    question = ask(people.manager, libraries.air_batu)
    response = login(people.facilitator).post(answer_url(question), {"answer": "Isi kolom X."})
    assert response.status_code == 302
    question.refresh_from_db()
    assert (question.answered_by, question.answer) == (people.facilitator, "Isi kolom X.")
    assert "Isi kolom X." in login(people.manager).get(question.get_absolute_url()).text


def test_another_regency_never_sees_it(people, libraries, login):
    question = ask(people.manager, libraries.air_batu)
    client = login(people.charlie)
    assert client.get(question.get_absolute_url()).status_code == 404
    assert client.post(answer_url(question), {"answer": "Dari Palembang"}).status_code == 404
    assert question.get_absolute_url() not in client.get(reverse("questions:list")).text
    photo = reverse("questions:photo", args=[question.pk])
    assert client.get(photo).status_code == 404
    question.refresh_from_db()
    assert not question.is_answered


def test_the_first_answer_takes_it(people, libraries, login):
    question = ask(people.manager, libraries.air_batu)
    login(people.facilitator).post(answer_url(question), {"answer": "Jawaban pertama"})
    response = login(people.regency).post(
        answer_url(question), {"answer": "Jawaban kedua"}, follow=True
    )
    question.refresh_from_db()
    assert question.answer == "Jawaban pertama"
    assert people.facilitator.full_name in response.text  # told who answered first


def test_two_answers_at_the_same_moment_keep_one(people, libraries):
    """Both answerers loaded the open question; the conditional update lets one through."""
    question = ask(people.manager, libraries.air_batu)
    stale = Question.objects.get(pk=question.pk)
    services.answer(question, Scope(people.facilitator), people.facilitator, "Satu")
    with pytest.raises(ValidationError):
        services.answer(stale, Scope(people.regency), people.regency, "Dua")
    question.refresh_from_db()
    assert (question.answer, question.answered_by) == ("Satu", people.facilitator)


def test_the_manager_and_the_viewer_do_not_answer(people, libraries, login):
    question = ask(people.manager, libraries.air_batu)
    assert login(people.manager).post(answer_url(question), {"answer": "x"}).status_code == 403
    assert login(people.viewer).post(answer_url(question), {"answer": "x"}).status_code == 403


def test_an_empty_answer_is_a_form_error(people, libraries, login):
    question = ask(people.manager, libraries.air_batu)
    response = login(people.facilitator).post(answer_url(question), {"answer": ""})
    assert response.status_code == 200 and 'class="error"' in response.text


def test_a_facilitator_of_the_district_gets_it_too(people, libraries):
    district = UserFactory(role=(Role.FACILITATOR, libraries.regions["16.07.10"]))
    elsewhere = UserFactory(role=(Role.FACILITATOR, libraries.regions["16.71"]))
    question = ask(people.manager, libraries.air_batu)
    assert district in services.answerers(question)
    assert elsewhere not in services.answerers(question)
