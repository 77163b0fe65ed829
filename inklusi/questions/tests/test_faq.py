from django.urls import reverse

from inklusi.accounts.scope import Scope
from inklusi.questions import services

from .helpers import ask

FAQ = reverse("questions:faq")


def answered(people, libraries, text="Bagaimana mengisi kolom disabilitas?"):
    question = ask(people.manager, libraries.air_batu, text)
    services.answer(question, Scope(people.facilitator), people.facilitator, "Pakai kolom D.")
    return question


def test_an_answered_question_goes_into_the_faq_for_the_whole_programme(people, libraries, login):
    question = answered(people, libraries)
    url = reverse("questions:set_faq", args=[question.pk])
    assert login(people.facilitator).post(url, {"faq": "1"}).status_code == 302
    question.refresh_from_db()
    assert question.is_faq
    # Palembang's coordinator finds it, without the asker's name or library.
    text = login(people.charlie).get(FAQ, {"q": "disabilitas"}).text
    assert "Pakai kolom D." in text
    assert people.manager.full_name not in text and libraries.air_batu.name not in text
    assert "Pakai kolom D." not in login(people.charlie).get(FAQ, {"q": "anggaran"}).text


def test_an_open_question_cannot_go_into_the_faq(people, libraries, login):
    question = ask(people.manager, libraries.air_batu)
    url = reverse("questions:set_faq", args=[question.pk])
    login(people.facilitator).post(url, {"faq": "1"})
    question.refresh_from_db()
    assert not question.is_faq


def test_only_reviewers_choose_the_faq(people, libraries, login):
    question = answered(people, libraries)
    url = reverse("questions:set_faq", args=[question.pk])
    assert login(people.manager).post(url, {"faq": "1"}).status_code == 403
    assert login(people.charlie).post(url, {"faq": "1"}).status_code == 404


def test_the_faq_is_for_people_in_the_programme(people, login):
    assert login(people.nobody).get(FAQ).status_code == 403
    assert login(people.viewer).get(FAQ).status_code == 200
