"""The scope probe of every object's files: each stored upload of the shared data set
(`inklusi.testing.world`) fetched by its stored address and through its checked view, as every
persona and anonymously. Only public files (library photos, consented photos of published
activities) answer by address; every other file answers exactly those who may open its record.
What happens to an activity's photos when it is unpublished, sent back or consent is withdrawn
is in inklusi/activities/tests/test_photo_privacy.py."""

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse

from inklusi.core.storage import PrivateFileError, is_private, serve_public_media
from inklusi.plans.models import BudgetLine

PERSONAS = ["admin", "province", "regency", "facilitator", "manager", "viewer", "charlie", "nobody"]

# kind: (the stored file, its checked view, the page of its record), from a place of the world.
FILES = {
    "activity photo": lambda at: (
        at.photo.image,
        at.photo.get_absolute_url(),
        reverse("activities:detail", args=[at.activity.pk]),
    ),
    "activity thumbnail": lambda at: (
        at.photo.thumbnail,
        at.photo.get_thumbnail_url(),
        reverse("activities:detail", args=[at.activity.pk]),
    ),
    "agreement": lambda at: (
        at.agreement.document,
        reverse("partners:agreement_document", args=[at.agreement.pk]),
        reverse("comments:thread", args=["perjanjian", at.agreement.pk]),
    ),
    "budget decision": lambda at: (
        BudgetLine.objects.get(pk=at.decided_line.pk).decision_document,
        reverse("plans:decision_document", args=[at.submitted.pk, at.decided_line.pk]),
        reverse("plans:detail", args=[at.submitted.pk]),
    ),
    "training material": lambda at: (
        at.material.file,
        reverse("trainings:material", args=[at.material.pk]),
        reverse("trainings:detail", args=[at.training.pk]),
    ),
    "question photo": lambda at: (
        at.asked.photo,
        reverse("questions:photo", args=[at.asked.pk]),
        reverse("questions:detail", args=[at.asked.pk]),
    ),
    "story photo": lambda at: (
        at.story.photo,
        reverse("stories:photo", args=[at.story.pk]),
        reverse("stories:detail", args=[at.story.pk]),
    ),
    "announcement attachment": lambda at: (
        at.announcement.attachment,
        reverse("announcements:attachment", args=[at.announcement.pk]),
        reverse("announcements:detail", args=[at.announcement.pk]),
    ),
}
PUBLIC = {"activity photo", "activity thumbnail"}  # consented, of a published activity
# A training's materials are for its participants and those who run it; a read-only viewer
# sees the training's page but not its materials.
NARROWER = {"training material": {"viewer"}}


def by_address(name):
    """The answer of /media/<name> where Django serves media (SERVE_MEDIA, DEBUG)."""
    request = RequestFactory().get(f"/media/{name}")
    try:
        return serve_public_media(request, name).status_code
    except Exception as error:  # Http404
        return 404 if type(error).__name__ == "Http404" else error


@pytest.mark.parametrize("kind", FILES)
@pytest.mark.parametrize("place", ["in", "out"])
def test_a_file_answers_by_address_only_when_public(world, db, kind, place):
    stored, _checked, _page = FILES[kind](world.at[place])
    assert stored.name and stored.storage.exists(stored.name)
    if kind in PUBLIC:
        assert not is_private(stored.name)
        assert stored.url.startswith("/media/")
        assert by_address(stored.name) == 200
    else:
        assert is_private(stored.name)
        with pytest.raises(PrivateFileError):
            stored.url  # noqa: B018 (a template cannot print its address)
        assert by_address(stored.name) == 404
        # Nor by a way round to the same file.
        assert by_address("activities/../" + stored.name) == 404
        assert by_address("/" + stored.name) == 404


@pytest.mark.parametrize("kind", FILES)
@pytest.mark.parametrize("place", ["in", "out"])
def test_the_checked_view_answers_who_may_open_the_record(
    world, persona_clients, quick_pdfs, db, kind, place
):
    _stored, checked, page = FILES[kind](world.at[place])
    got, expected = {}, {}
    for who in PERSONAS:
        client = persona_clients[who]
        got[who] = client.get(checked).status_code
        opens_page = client.get(page).status_code == 200
        expected[who] = 200 if opens_page and who not in NARROWER.get(kind, ()) else 404
    assert got == expected
    assert 200 in got.values() and 404 in got.values()  # the probe tells someone apart
    anonymous = Client().get(checked)
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith(reverse("accounts:login"))


def test_a_checked_file_is_not_kept_by_shared_caches(world, persona_clients, db):
    response = persona_clients["manager"].get(world.at["in"].photo.get_absolute_url())
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]


def test_the_media_view_never_serves_the_private_folder(world, db):
    assert by_address("private/") == 404
    assert by_address("private") == 404
    assert by_address("./private/x.pdf") == 404


@pytest.mark.parametrize(
    "model,record",
    [
        ("partners/agreement", "agreement"),
        ("announcements/announcement", "announcement"),
        ("questions/question", "asked"),
    ],
)
def test_the_admin_shows_a_private_file_without_its_address(
    world, persona_clients, db, model, record
):
    pk = getattr(world.at["in"], record).pk
    response = persona_clients["admin"].get(f"/admin/{model}/{pk}/change/")
    assert response.status_code == 200
    assert "/media/" not in response.text
