"""Read receipts across three levels: the national team announces to everyone; the province
and the regency coordinators each follow the people of their own area, and nobody else's."""

import pytest
from django.urls import reverse

from inklusi.accounts.models import Role
from inklusi.announcements.models import Receipt
from inklusi.testing.factories import UserFactory

from .helpers import announce


@pytest.fixture
def national(people, libraries):
    medan_manager = UserFactory(
        email="medan@example.id", role=(Role.LIBRARY_MANAGER, libraries.medan)
    )
    announcement = announce(people.admin, title="Survei nasional")
    return announcement, medan_manager


def listed(client, announcement):
    response = client.get(reverse("announcements:receipts", args=[announcement.pk]))
    assert response.status_code == 200
    return response.text


def test_opening_it_reads_it_once(people, login, national):
    announcement, _ = national
    client = login(people.manager)
    client.get(announcement.get_absolute_url())
    receipt = Receipt.objects.get(announcement=announcement, user=people.manager)
    first = receipt.read_at
    assert first is not None
    client.get(announcement.get_absolute_url())
    receipt.refresh_from_db()
    assert receipt.read_at == first


def test_each_level_follows_only_its_area(people, login, national):
    announcement, medan_manager = national
    login(people.manager).get(announcement.get_absolute_url())

    everyone = listed(login(people.admin), announcement)
    assert people.manager.full_name in everyone and medan_manager.full_name in everyone

    province = listed(login(people.province), announcement)
    assert people.manager.full_name in province
    assert people.charlie.full_name in province  # Palembang lies in the province
    assert medan_manager.full_name not in province

    regency = listed(login(people.regency), announcement)
    assert people.manager.full_name in regency and people.facilitator.full_name in regency
    assert people.charlie.full_name not in regency
    assert medan_manager.full_name not in regency
    assert "receipt-read" in regency  # the manager has read it

    palembang = listed(login(people.charlie), announcement)
    assert people.manager.full_name not in palembang


def test_regency_announcement_stays_in_the_regency(people, login):
    announcement = announce(people.regency, region=people.regency.roles.get().region)
    for outsider in (people.charlie,):
        client = login(outsider)
        assert client.get(announcement.get_absolute_url()).status_code == 404
        url = reverse("announcements:receipts", args=[announcement.pk])
        assert client.get(url).status_code == 404
    # The province above sees it and its receipts; the manager addressed reads it.
    assert login(people.province).get(announcement.get_absolute_url()).status_code == 200
    assert people.manager.full_name in listed(login(people.province), announcement)
    assert login(people.manager).get(announcement.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("who", ["manager", "facilitator", "viewer"])
def test_receipts_are_for_coordinators(people, login, national, who):
    announcement, _ = national
    url = reverse("announcements:receipts", args=[announcement.pk])
    assert login(getattr(people, who)).get(url).status_code == 403


def test_the_unread_get_a_whatsapp_link_with_the_text_ready(people, login):
    people.manager.phone = "0812-3456-7890"
    people.manager.save()
    announcement = announce(people.regency, region=people.regency.roles.get().region)
    text = listed(login(people.regency), announcement)
    assert "https://wa.me/6281234567890?text=" in text
    assert "Rapat%20koordinasi%20bulanan" in text
    login(people.manager).get(announcement.get_absolute_url())
    assert "wa.me/6281234567890" not in listed(login(people.regency), announcement)
