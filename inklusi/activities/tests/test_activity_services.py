"""The table of activity actions: a role that never may gets PermissionDenied (403 from the
views), a state that does not allow it now a ValidationError (a message on the page)."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from inklusi.activities import services
from inklusi.activities.models import Activity, Review, Status
from inklusi.testing.factories import ActivityFactory

from .helpers import messages_of

MOVES = {
    "publish": lambda activity, user: services.publish(activity, user),
    "unpublish": lambda activity, user: services.unpublish(activity, user),
    "verify": lambda activity, user: services.verify(activity, user),
    "send_back": lambda activity, user: services.send_back(activity, user, "Lengkapi."),
    "delete": lambda activity, user: services.delete(activity, user),
    "edit": lambda activity, user: services.save_activity(activity, user),
}


@pytest.fixture
def draft(libraries):
    return ActivityFactory(library=libraries.air_batu, status=Status.DRAFT, published_at=None)


@pytest.fixture
def published(libraries):
    return ActivityFactory(library=libraries.air_batu)


@pytest.mark.parametrize(
    "action, who",
    [
        *[(a, w) for a in ("publish", "edit", "delete") for w in ("viewer", "charlie", "nobody")],
        *[(a, w) for a in ("verify", "send_back") for w in ("manager", "viewer", "charlie")],
    ],
)
def test_a_role_that_never_may_is_refused(people, draft, published, action, who):
    activity = draft if action == "publish" else published
    with pytest.raises(PermissionDenied):
        MOVES[action](activity, getattr(people, who))


@pytest.mark.parametrize(
    "action, state", [("publish", "published"), ("unpublish", "draft"), ("send_back", "draft")]
)
def test_a_state_that_does_not_allow_it_now(people, draft, published, action, state):
    activity = draft if state == "draft" else published
    with pytest.raises(ValidationError) as refused:
        MOVES[action](activity, people.regency)
    shown = activity.get_status_display()
    assert refused.value.messages == [f"This cannot be done while the activity is “{shown}”."]


def test_may_answers_from_the_same_table(people, draft, published):
    assert services.may(people.manager, draft, "publish")
    assert not services.may(people.manager, published, "publish")
    assert not services.may(people.manager, published, "verify")
    assert services.may(people.regency, published, "verify")


def test_publishing_twice_says_why_not(people, login, published):
    url = reverse("activities:publish", args=[published.pk])
    response = login(people.manager).post(url, follow=True)
    assert messages_of(response) == ["This cannot be done while the activity is “Published”."]


def test_sending_back_a_draft_says_why_not(people, login, draft):
    url = reverse("activities:send_back", args=[draft.pk])
    response = login(people.regency).post(url, {"comment": "Lengkapi."}, follow=True)
    assert messages_of(response) == ["This cannot be done while the activity is “Draft”."]
    draft.refresh_from_db()
    assert draft.review == Review.PENDING


def test_a_move_updates_the_callers_copy_and_stamps_the_review(people, published):
    services.send_back(published, people.regency, "  Foto kurang jelas ")
    assert (published.status, published.review) == (Status.DRAFT, Review.RETURNED)
    assert published.review_comment == "Foto kurang jelas"
    assert published.reviewed_by == people.regency and published.reviewed_at
    services.publish(published, people.manager)
    published.refresh_from_db()
    assert (published.status, published.review) == (Status.PUBLISHED, Review.PENDING)


def test_an_edit_that_changes_nothing_keeps_the_verification(people, published):
    services.verify(published, people.regency)
    services.save_activity(published, people.manager, publish=True)
    published.refresh_from_db()
    assert published.review == Review.VERIFIED


def test_an_edit_opened_before_a_send_back_keeps_the_coordinators_comment(people, published):
    opened = Activity.objects.get(pk=published.pk)
    services.send_back(published, people.regency, "Foto kurang jelas")
    opened.title = "Kelas membaca bersama"
    services.save_activity(opened, people.manager)
    published.refresh_from_db()
    assert (published.title, published.review) == ("Kelas membaca bersama", Review.RETURNED)
    assert published.review_comment == "Foto kurang jelas"
