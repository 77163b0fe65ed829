"""The demo stories: every selection level filled, added once, through the services."""

import datetime

from inklusi.devtools.demo import load_demo
from inklusi.devtools.demo_stories import load_demo_stories
from inklusi.regions.loading import load_regions
from inklusi.stories.models import Level, Selection, Story


def test_demo_stories_fill_every_level_once(db):
    load_regions()
    load_demo()
    today = datetime.date(2026, 11, 29)
    assert load_demo_stories(today) == 6
    picks = {level: Selection.objects.filter(level=level).count() for level in Level}
    assert picks == {Level.REGENCY: 3, Level.PROVINCE: 3, Level.NATION: 1}
    assert set(Story.objects.chosen().values_list("quarter", flat=True)) == {
        datetime.date(2026, 7, 1)
    }
    assert Story.objects.exclude(selections__isnull=False).count() == 3  # not chosen
    assert load_demo_stories(today) == 6
    assert Selection.objects.count() == 7
