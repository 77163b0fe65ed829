"""Lists and the receipts page ask the database a fixed number of times, however long."""

from django.urls import reverse

from inklusi.accounts.models import Role
from inklusi.testing.factories import LibraryFactory, UserFactory

from .helpers import announce


def test_receipts_and_list_do_not_grow_with_the_people(
    people, libraries, login, django_assert_max_num_queries
):
    for n in range(12):
        library = LibraryFactory(region=libraries.air_batu.region)
        UserFactory(phone=f"08123456{n:04d}", role=(Role.LIBRARY_MANAGER, library))
    region = libraries.regions["16.07"]
    announcement = announce(people.regency, region=region)
    for n in range(5):
        announce(people.regency, region=region, title=f"Pengumuman {n}")
    client = login(people.regency)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("announcements:receipts", args=[announcement.pk]))
    assert response.text.count("receipt-unread") == 15
    with django_assert_max_num_queries(10):
        client.get(reverse("announcements:list"))
    client = login(people.manager)
    with django_assert_max_num_queries(10):
        client.get(reverse("announcements:list"))
