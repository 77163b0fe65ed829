"""`save_activities`: many at once keep the rules of `save_activity` (the import)."""

import pytest
from django.core.exceptions import PermissionDenied

from inklusi.activities.models import Activity, Category, Review, Status
from inklusi.activities.services import save_activities
from inklusi.monitoring import summaries
from inklusi.testing.factories import ActivityFactory

pytestmark = pytest.mark.django_db


def test_an_edit_after_verification_awaits_a_new_look(libraries, people):
    activity = ActivityFactory(library=libraries.air_batu, review=Review.VERIFIED)
    activity.title = "Judul baru"
    save_activities([activity], people.manager, ["title"], publish=True)
    stored = Activity.objects.get()
    assert (stored.title, stored.review, stored.status) == (
        "Judul baru",
        Review.PENDING,
        Status.PUBLISHED,
    )
    assert set(summaries.check().values()) == {(0, 0)}


def test_another_librarys_activity_is_refused(libraries, people):
    activity = ActivityFactory.build(library=libraries.medan, category=Category.objects.first())
    with pytest.raises(PermissionDenied):
        save_activities([activity], people.manager, ["title"])
