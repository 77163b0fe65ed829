"""A story's photo needs the person's consent, is served only through views that check it, and
a withdrawn consent deletes the file at once."""

from django.core.files.storage import default_storage
from django.urls import reverse

from inklusi.stories.models import Story
from inklusi.testing.photos import jpeg_with_gps, upload

from .helpers import choose_up_to, make_story

FORM = {
    "domain": "digital",
    "who": "Seorang pemuda desa",
    "what_changed": "Ia belajar membuat surel dan melamar kerja.",
    "why_it_matters": "Ia kini bekerja di kantor kecamatan.",
}


def photo_story(libraries, people):
    story = make_story(
        libraries.air_batu,
        people.manager,
        photo=upload(jpeg_with_gps((64, 48)), name="cerita.jpg"),
        photo_consent=True,
    )
    choose_up_to(story, ["16.07"], people)
    return story


def test_a_photo_without_consent_is_refused(people, login):
    photo = upload(jpeg_with_gps((640, 480)), name="wajah.jpg")
    response = login(people.manager).post(reverse("stories:create"), {**FORM, "photo": photo})
    assert response.status_code == 200
    assert "photo_consent" in response.context["form"].errors


def test_recording_with_consent_keeps_the_record(people, login):
    photo = upload(jpeg_with_gps((640, 480)), name="wajah.jpg")
    response = login(people.manager).post(
        reverse("stories:create"), {**FORM, "photo": photo, "photo_consent": "on"}
    )
    assert response.status_code == 302
    story = Story.objects.get()
    assert story.has_consented_photo
    assert story.consent_recorded_by == people.manager and story.consent_recorded_at
    # Re-encoded: no location left in the file.
    assert b"GPS" not in story.photo.read()


def test_the_public_photo_needs_a_chosen_story_and_consent(people, libraries, client):
    story = make_story(
        libraries.air_batu,
        people.manager,
        photo=upload(jpeg_with_gps((64, 48)), name="cerita.jpg"),
        photo_consent=True,
    )
    url = reverse("public:story_photo", args=[story.pk])
    assert client.get(url).status_code == 404  # not chosen
    choose_up_to(story, ["16.07"], people)
    assert client.get(url).status_code == 200
    assert url in client.get(reverse("public:story", args=[story.pk])).text


def test_no_public_media_address_for_story_photos(people, libraries, client):
    story = photo_story(libraries, people)
    page = client.get(reverse("public:story", args=[story.pk])).text
    assert story.photo.name not in page
    assert "/media/stories/" not in page


def test_withdrawn_consent_removes_the_photo_at_once(people, libraries, login, client):
    story = photo_story(libraries, people)
    name = story.photo.name
    public_url = reverse("public:story_photo", args=[story.pk])
    assert client.get(public_url).status_code == 200
    response = login(people.manager).post(reverse("stories:withdraw_consent", args=[story.pk]))
    assert response.status_code == 302
    story.refresh_from_db()
    assert not story.photo and not story.photo_consent
    assert story.consent_withdrawn_by == people.manager and story.consent_withdrawn_at
    assert not default_storage.exists(name)
    client.logout()
    assert client.get(public_url).status_code == 404
    assert public_url not in client.get(reverse("public:story", args=[story.pk])).text
    assert login(people.manager).get(reverse("stories:photo", args=[story.pk])).status_code == 404


def test_only_editors_withdraw(people, libraries, login):
    story = photo_story(libraries, people)
    url = reverse("stories:withdraw_consent", args=[story.pk])
    assert login(people.viewer).post(url).status_code == 404
    assert login(people.charlie).post(url).status_code == 404
    story.refresh_from_db()
    assert story.has_consented_photo


def test_a_removed_or_replaced_photo_is_deleted(people, libraries, login):
    story = make_story(
        libraries.air_batu,
        people.manager,
        photo=upload(jpeg_with_gps((64, 48)), name="lama.jpg"),
        photo_consent=True,
    )
    old = story.photo.name
    response = login(people.manager).post(
        reverse("stories:edit", args=[story.pk]), {**FORM, "photo-clear": "on"}
    )
    assert response.status_code == 302
    story.refresh_from_db()
    assert not story.photo and not story.photo_consent
    assert not default_storage.exists(old)
