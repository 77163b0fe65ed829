from django.urls import reverse

from .helpers import ask


def test_question_list_does_not_grow_with_the_questions(
    people, libraries, login, django_assert_max_num_queries
):
    for _ in range(15):
        ask(people.manager, libraries.air_batu)
    for who in (people.facilitator, people.manager):
        client = login(who)
        with django_assert_max_num_queries(10):
            response = client.get(reverse("questions:list"))
        assert response.text.count("question-item") == 15
