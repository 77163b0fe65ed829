"""The inbox: one's own notifications only, the live count, opening marks read."""

from django.urls import reverse

from inklusi.notifications import services
from inklusi.notifications.models import Notification


def notify(people, who="manager", **extra):
    extra.setdefault("title", "Laporan Oktober ditunggu")
    extra.setdefault("url", "/laporan/")
    return services.notify([getattr(people, who)], "report_due", **extra)[0]


def test_inbox_lists_only_ones_own(login, people):
    notify(people, title="Untuk pengelola")
    notify(people, who="viewer", title="Untuk Bappeda")
    page = login(people.manager).get(reverse("notifications:inbox")).content.decode()
    assert "Untuk pengelola" in page
    assert "Untuk Bappeda" not in page


def test_nobody_opens_anothers_notification(login, people):
    theirs = notify(people, who="viewer")
    for who in ["admin", "manager", "regency"]:
        response = login(getattr(people, who)).get(reverse("notifications:open", args=[theirs.pk]))
        assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_opening_marks_read_and_follows_the_link(login, people):
    mine = notify(people)
    response = login(people.manager).get(reverse("notifications:open", args=[mine.pk]))
    assert response.status_code == 302 and response.url == "/laporan/"
    mine.refresh_from_db()
    assert mine.read_at is not None


def test_an_outside_link_is_never_followed(login, people):
    mine = notify(people, url="https://evil.example/")
    response = login(people.manager).get(reverse("notifications:open", args=[mine.pk]))
    assert response.url == reverse("notifications:inbox")


def test_badge_counts_unread_and_keeps_polling(login, people):
    client = login(people.manager)
    notify(people)
    notify(people)
    notify(people, who="viewer")
    fragment = client.get(reverse("notifications:badge")).content.decode()
    assert '<span class="notif-count">2' in fragment
    assert 'hx-trigger="every 60s"' in fragment  # no "load": the swapped link must not loop
    client.post(reverse("notifications:mark_all_read"))
    fragment = client.get(reverse("notifications:badge")).content.decode()
    assert "notif-count" not in fragment


def test_every_page_has_the_badge_without_a_query(login, people):
    page = login(people.manager).get(reverse("home:home")).content.decode()
    assert 'id="notif-badge"' in page
    assert 'hx-trigger="load, every 60s"' in page


def test_mark_all_read_touches_only_ones_own(login, people):
    notify(people)
    theirs = notify(people, who="viewer")
    login(people.manager).post(reverse("notifications:mark_all_read"))
    assert not Notification.objects.for_user(people.manager).unread().exists()
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_unread_filter_and_whatsapp_to_oneself(login, people):
    people.manager.phone = "6281234567890"
    people.manager.save()
    notify(people, title="Baru")
    client = login(people.manager)
    page = client.get(reverse("notifications:inbox") + "?belum=1").content.decode()
    assert "Baru" in page
    assert "https://wa.me/6281234567890?text=Baru%20http" in page


def test_anonymous_goes_to_login(client, db):
    for name in ["inbox", "badge", "settings", "failures"]:
        response = client.get(reverse(f"notifications:{name}"))
        assert response.status_code == 302 and "/akun/masuk/" in response.url
