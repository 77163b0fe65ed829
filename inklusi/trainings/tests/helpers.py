"""A training to test with: today's Banyuasin Bimtek with a session running now."""

from datetime import timedelta

from django.utils import timezone

from inklusi.trainings import services
from inklusi.trainings.models import Mode, Question, Session, Training


def make_training(organiser, **fields):
    today = timezone.localdate()
    values = {
        "title": "Bimtek SPP & TIK",
        "organiser": organiser,
        "mode": Mode.ONLINE,
        "starts_on": today,
        "ends_on": today + timedelta(days=2),
        "meeting_url": "https://zoom.us/j/8123456789",
        "meeting_passcode": "sumsel20",
        "registration_closes_on": today + timedelta(days=1),
    }
    values.update(fields)
    return Training.objects.create(**values)


def add_session(training, starts_in=timedelta(0), minutes=120, topic="Strategi pengembangan"):
    """A session starting `starts_in` from now (negative: it started already)."""
    start = timezone.now().replace(microsecond=0) + starts_in
    return Session.objects.create(
        training=training,
        topic=topic,
        trainer="Cicih (Master Trainer)",
        starts_at=start,
        ends_at=start + timedelta(minutes=minutes),
    )


def add_questions(training, count=4):
    return [
        Question.objects.create(
            training=training,
            position=i,
            text=f"Pertanyaan {i}?",
            options=["A", "B", "C"],
            correct=i % 3,
        )
        for i in range(count)
    ]


def register(training, user, library=None):
    return services.register(training, user, library or None)


def absolute_url(path):
    """What services get instead of `request.build_absolute_uri` in tests without a request."""
    return f"https://inklusi.test{path}"


def messages_of(response):
    return [str(m) for m in response.context["messages"]]
