"""Journey: a manager comments on an activity and mentions the facilitator, picked by name;
a mention of someone from another regency is refused with the text kept."""

import pytest

from inklusi.comments.models import Comment
from inklusi.notifications.models import Notification
from inklusi.testing.factories import ActivityFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_manager_mentions_the_facilitator_on_an_activity(people, libraries, phone, phone_login):
    people.facilitator.full_name = "Cicih Fasilitator"
    people.facilitator.save()
    activity = ActivityFactory(library=libraries.air_batu)
    page = phone_login("pengelola@example.id")
    page.goto(page.base_url + activity.get_absolute_url())

    page.fill("textarea[name=body]", "Mohon cek foto @charlie@example.id")
    page.click("#komentar button[type=submit]")
    page.wait_for_selector("#komentar .error")
    assert people.charlie.full_name in page.inner_text("#komentar .error")
    assert page.input_value("textarea[name=body]") == "Mohon cek foto @charlie@example.id"
    assert not Comment.objects.exists()

    page.fill("textarea[name=body]", "Mohon cek jumlah peserta")
    page.fill("#komentar input[type=search]", "Cicih")
    page.click("[data-mention='fasil@example.id']")
    assert page.input_value("textarea[name=body]") == (
        "Mohon cek jumlah peserta @fasil@example.id "
    )
    page.click("#komentar button[type=submit]")
    page.wait_for_selector("#komentar .comment")
    assert "Mohon cek jumlah peserta" in page.inner_text("#komentar .comment")
    assert page.url.endswith(activity.get_absolute_url())  # swapped in place, no reload
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    comment = Comment.objects.get()
    assert list(comment.mentioned.all()) == [people.facilitator]
    assert Notification.objects.filter(recipient=people.facilitator, kind="mention").exists()
