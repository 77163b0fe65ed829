import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from .helpers import announce


def test_home_shows_the_unread_first(people, login):
    region = people.regency.roles.get().region
    read = announce(people.regency, region=region, title="Sudah dibaca", pinned=True)
    unread = announce(people.regency, region=region, title="Belum dibaca")
    client = login(people.manager)
    client.get(read.get_absolute_url())
    text = client.get(reverse("home:home")).text
    assert text.index(unread.title) < text.index(read.title)


def test_an_expired_announcement_leaves_the_home_page(people, login):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    announce(people.regency, region=people.regency.roles.get().region, expires_on=yesterday)
    client = login(people.manager)
    assert "Rapat koordinasi bulanan" not in client.get(reverse("home:home")).text
    assert "Rapat koordinasi bulanan" not in client.get(reverse("announcements:list")).text
    # Its author still finds it.
    assert (
        "Rapat koordinasi bulanan" in login(people.regency).get(reverse("announcements:list")).text
    )


def test_list_shows_only_what_reached_the_user(people, login):
    announce(people.charlie, region=people.charlie.roles.get().region, title="Untuk Palembang")
    announce(people.regency, region=people.regency.roles.get().region, title="Untuk Banyuasin")
    text = login(people.manager).get(reverse("announcements:list")).text
    assert "Untuk Banyuasin" in text and "Untuk Palembang" not in text


def test_the_attachment_is_served_through_the_scope(people, login):
    pdf = SimpleUploadedFile("undangan.pdf", b"%PDF-1.4\n% undangan\n", "application/pdf")
    announcement = announce(people.regency, region=people.regency.roles.get().region)
    announcement.attachment, announcement.attachment_name = pdf, "undangan.pdf"
    announcement.save()
    url = reverse("announcements:attachment", args=[announcement.pk])
    response = login(people.manager).get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert "undangan.pdf" in response["Content-Disposition"]
    assert login(people.charlie).get(url).status_code == 404
