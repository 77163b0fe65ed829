from django.urls import reverse

from inklusi.announcements.models import Receipt

from .helpers import announce


def test_the_unread_are_reminded_the_read_are_not(people, login):
    announcement = announce(people.regency, region=people.regency.roles.get().region)
    login(people.manager).get(announcement.get_absolute_url())
    response = login(people.regency).post(reverse("announcements:remind", args=[announcement.pk]))
    assert response.status_code == 302
    reminded = set(Receipt.objects.filter(reminded_at__isnull=False).values_list("user", flat=True))
    assert reminded == {people.facilitator.pk, people.viewer.pk}


def test_reminding_again_at_once_is_refused(people, login, settings):
    announcement = announce(people.regency, region=people.regency.roles.get().region)
    client = login(people.regency)
    url = reverse("announcements:remind", args=[announcement.pk])
    client.post(url)
    Receipt.objects.update(reminded_at=None)
    response = client.post(url, follow=True)
    assert "beberapa jam lagi" in response.text
    assert not Receipt.objects.filter(reminded_at__isnull=False).exists()


def test_an_outsider_reminds_nobody(people, login):
    announcement = announce(people.regency, region=people.regency.roles.get().region)
    url = reverse("announcements:remind", args=[announcement.pk])
    assert login(people.charlie).post(url).status_code == 404
    assert login(people.manager).post(url).status_code == 403
    assert login(people.regency).get(url).status_code == 405
    assert not Receipt.objects.filter(reminded_at__isnull=False).exists()
