"""Pages and rules over many participants run a fixed number of queries, not one per row."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from inklusi.accounts.models import Role
from inklusi.testing.factories import UserFactory
from inklusi.trainings import services
from inklusi.trainings.models import Certificate, Training

from .helpers import add_session, make_training, register


def queries(action, *args):
    with CaptureQueriesContext(connection) as context:
        result = action(*args)
    return len(context.captured_queries), result


def participants(training, count):
    return [register(training, UserFactory()) for _ in range(count)]


def test_marking_attendance_does_not_query_per_participant(people, libraries):
    small, large = (make_training(libraries.banyuasin, title=t) for t in ("A", "B"))
    counts = []
    for training, count in ((small, 1), (large, 5)):
        session = add_session(training)
        ids = [r.pk for r in participants(training, count)]
        counts.append(queries(services.mark_attendance, session, ids, people.regency)[0])
        assert session.attendances.count() == count
        services.mark_attendance(session, ids[:1], people.regency)
        assert session.attendances.count() == 1
    assert counts[0] == counts[1]


def test_issuing_certificates_does_not_query_per_participant(
    people, login, libraries, django_assert_max_num_queries
):
    training = make_training(libraries.banyuasin, post_test_required=False)
    session = add_session(training)
    registrations = participants(training, 6)
    services.mark_attendance(session, [r.pk for r in registrations], people.regency)
    client = login(people.regency)
    url = reverse("trainings:issue_certificates", args=[training.pk])
    with django_assert_max_num_queries(15):
        client.post(url)
    numbers = set(Certificate.objects.values_list("number", flat=True))
    assert len(numbers) == 6 and all(numbers)
    client.post(url)  # again: nothing new, nothing broken
    assert Certificate.objects.count() == 6


def test_audience_managers_does_not_query_per_manager(libraries, regions):
    training = make_training(libraries.banyuasin)
    training.audience_regions.set([regions["16.07"]])
    UserFactory(role=(Role.LIBRARY_MANAGER, libraries.air_batu))
    one, found = queries(lambda: services.audience_managers(Training.objects.get(pk=training.pk)))
    assert len(found) == 1
    for _ in range(4):
        UserFactory(role=(Role.LIBRARY_MANAGER, libraries.air_batu))
    five, found = queries(lambda: services.audience_managers(Training.objects.get(pk=training.pk)))
    assert len(found) == 5
    assert one == five


def test_home_trainings_does_not_query_per_training(libraries):
    user = UserFactory()
    counts = []
    for count in (1, 4):
        for _ in range(count):
            training = make_training(libraries.banyuasin)
            add_session(training)
            register(training, user)
        number, data = queries(services.home_trainings, user)
        counts.append(number)
    assert len(data["sessions_today"]) == 5
    assert counts[0] == counts[1]
