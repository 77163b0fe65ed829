from django.core import mail
from django.urls import reverse

from inklusi.notifications.models import Notification

from .helpers import announce


def test_each_person_addressed_is_told(people, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        announcement = announce(people.regency, region=people.regency.roles.get().region)
    told = set(Notification.objects.filter(kind="announcement").values_list("recipient", flat=True))
    assert told == {people.facilitator.pk, people.manager.pk, people.viewer.pk}
    assert Notification.objects.filter(url=announcement.get_absolute_url()).count() == 3
    assert {m.to[0] for m in mail.outbox} == {
        "fasil@example.id",
        "pengelola@example.id",
        "bappeda@example.id",
    }


def test_the_reminder_reaches_only_the_unread(people, login):
    announcement = announce(people.regency, region=people.regency.roles.get().region)
    login(people.manager).get(announcement.get_absolute_url())
    Notification.objects.all().delete()
    login(people.regency).post(reverse("announcements:remind", args=[announcement.pk]))
    told = set(Notification.objects.values_list("recipient", flat=True))
    assert told == {people.facilitator.pk, people.viewer.pk}
    assert all(
        "Pengingat" in title for title in Notification.objects.values_list("title", flat=True)
    )
