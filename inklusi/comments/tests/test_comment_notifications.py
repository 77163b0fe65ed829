from django.urls import reverse

from inklusi.notifications.models import Notification
from inklusi.testing.factories import ActivityFactory


def test_the_mentioned_and_the_earlier_commenters_are_told(people, libraries, login):
    activity = ActivityFactory(library=libraries.air_batu)
    url = reverse("comments:thread", args=["kegiatan", activity.pk])
    login(people.regency).post(url, {"body": "Bagus sekali."})
    assert not Notification.objects.exists()
    login(people.manager).post(url, {"body": "Terima kasih, @fasil@example.id mohon dicek"})
    mention = Notification.objects.get(kind="mention")
    assert mention.recipient == people.facilitator
    assert mention.url.startswith(activity.get_absolute_url() + "#komentar-")
    assert Notification.objects.get(kind="comment").recipient == people.regency
