from django.urls import reverse

from inklusi.notifications.models import Notification
from inklusi.questions.models import Question


def test_asking_tells_the_regency_and_answering_tells_the_asker(people, libraries, login):
    login(people.manager).post(reverse("questions:create"), {"text": "Bagaimana caranya?"})
    question = Question.objects.get()
    told = set(Notification.objects.filter(kind="question").values_list("recipient", flat=True))
    assert told == {people.facilitator.pk, people.regency.pk}  # not Palembang's charlie
    login(people.facilitator).post(
        reverse("questions:answer", args=[question.pk]), {"answer": "Begini."}
    )
    answer = Notification.objects.get(kind="answer")
    assert (answer.recipient, answer.url) == (people.manager, question.get_absolute_url())
