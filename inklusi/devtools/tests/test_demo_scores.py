"""The demo's KPI cards: every colour, libraries that moved colour, IPLM figures below a full
fill rate; loaded once."""

from inklusi.accounts.models import User
from inklusi.devtools.demo import load_demo
from inklusi.devtools.demo_activities import load_demo_records
from inklusi.devtools.demo_partners import load_demo_partners
from inklusi.devtools.demo_scores import load_demo_scores
from inklusi.libraries.models import Library
from inklusi.partners.models import Contribution
from inklusi.regions.loading import load_regions
from inklusi.regions.models import Region
from inklusi.scores import iplm, quarters, services
from inklusi.scores.models import LibraryScore


def test_demo_cards_have_every_colour_and_load_once(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    load_regions()
    load_demo()
    load_demo_records(User.objects.get(email="pengelola@inklusi.id"))
    load_demo_partners()
    colours = load_demo_scores()
    assert all(colours[colour] > 0 for colour in ("green", "yellow", "red")), colours
    quarter = quarters.last_complete()
    up, down = services.moved(LibraryScore.objects.filter(quarter=quarter), quarter)
    assert up and down
    rates = iplm.fill_rates(iplm.rows(Region.objects.get(code="16.07"), quarter.year))
    assert all(0 < given < total for _element, given, total, _rate, _missing in rates[:3])
    contributions, filled = Contribution.objects.count(), Library.objects.filter(staff=None).count()
    assert load_demo_scores() == colours
    assert Contribution.objects.count() == contributions
    assert Library.objects.filter(staff=None).count() == filled
