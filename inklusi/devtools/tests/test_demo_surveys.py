"""The demo survey answers, paper forms and follow-ups: added once, through the services, so
the summary tables agree with them."""

import datetime

from django.utils import timezone

from inklusi.accounts.models import User
from inklusi.devtools.demo import load_demo
from inklusi.devtools.demo_surveys import load_demo_surveys
from inklusi.regions.loading import load_regions
from inklusi.surveys import summaries
from inklusi.surveys.models import FollowUpContact, Response, Survey
from inklusi.testing.factories import ActivityFactory


def test_demo_is_loaded_once(db):
    load_regions()
    load_demo()
    library = User.objects.get(email="pengelola@inklusi.id").roles.get().library
    today = timezone.localdate()
    for days in (7, 45, 100):
        ActivityFactory(library=library, starts_on=today - datetime.timedelta(days=days))
    made, answered, waiting, total = load_demo_surveys()
    assert made == total >= 9 and answered >= 1 and waiting >= 1
    assert Response.objects.filter(source="paper").exists()
    assert Response.objects.filter(applied__isnull=False).count() == answered
    assert Survey.objects.filter(closed_at__isnull=False).count() <= 1
    assert not FollowUpContact.objects.filter(response__applied__isnull=False).exists()
    assert load_demo_surveys()[:2] == (0, 0)
    assert Response.objects.count() == total
    assert all(d == (0, 0) for d in summaries.check().values())
