"""The API seen by each persona through a token: every endpoint × persona × a record inside
Banyuasin ("in") and one in Palembang ("out"). A token answers what its owner's web pages
answer: 200 inside the scope, 404 outside it, and writes only where the owner may write.
The records are those of `inklusi.testing.world`.
"""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from inklusi.accounts.twofactor import force_login_verified
from inklusi.api.services import create_token

PERSONAS = ["admin", "province", "regency", "facilitator", "manager", "viewer", "charlie", "nobody"]
# Who sees the records of each place (their libraries, activities, reports).
SEES = {
    "in": {"admin", "province", "regency", "facilitator", "manager", "viewer"},
    "out": {"admin", "province", "charlie"},
}
# Who changes the records of each place's village library.
EDITS = {
    "in": {"admin", "province", "regency", "facilitator", "manager"},
    "out": {"admin", "province", "charlie"},
}
# Who sees the dashboard of each place's region (a manager sees only their library's).
REGION_DASHBOARD = {
    "in": {"admin", "province", "regency", "facilitator", "viewer"},
    "out": {"admin", "province", "charlie"},
}
READS = {
    "library": ("rest:library-detail", lambda at: at.library.pk),
    "activity": ("rest:activity-detail", lambda at: at.activity.pk),
    "report": ("rest:report-detail", lambda at: at.report.pk),
}
LISTS = {
    "library": ("rest:library-list", lambda at: at.library.pk),
    "activity": ("rest:activity-list", lambda at: at.activity.pk),
    "report": ("rest:report-list", lambda at: at.report.pk),
}
CASES = [(who, place) for who in PERSONAS for place in ("in", "out")]


@pytest.fixture
def as_token(world, db):
    def _client(who, read_only=False):
        user = getattr(world.people, who)
        _token, raw = create_token(user, "matrix", days=1, read_only=read_only)
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {raw}")
        return client

    return _client


@pytest.mark.parametrize("kind", READS)
@pytest.mark.parametrize("who,place", CASES)
def test_detail_follows_the_scope(world, as_token, who, place, kind):
    name, pk = READS[kind]
    response = as_token(who).get(reverse(name, args=[pk(world.at[place])]))
    assert response.status_code == (200 if who in SEES[place] else 404)


@pytest.mark.parametrize("kind", LISTS)
@pytest.mark.parametrize("who,place", CASES)
def test_list_holds_only_the_scope(world, as_token, who, place, kind):
    name, pk = LISTS[kind]
    response = as_token(who).get(reverse(name), {"limit": 200})
    assert response.status_code == 200
    shown = {row["id"] for row in response.json()["results"]}
    assert (pk(world.at[place]) in shown) == (who in SEES[place])


@pytest.mark.parametrize("who,place", CASES)
def test_training_answers_as_its_web_page(world, as_token, client, who, place):
    """Who sees a training is wider than the scope (trainings above one's region, one's own
    registrations): the API answers as the training's web page does."""
    training = world.at[place].training
    force_login_verified(client, getattr(world.people, who))
    web = client.get(reverse("trainings:detail", args=[training.pk])).status_code
    api = as_token(who).get(reverse("rest:training-detail", args=[training.pk])).status_code
    assert (web, api) in {(200, 200), (404, 404)}
    listed = as_token(who).get(reverse("rest:training-list"), {"limit": 200}).json()
    assert (training.pk in {row["id"] for row in listed["results"]}) == (api == 200)


@pytest.mark.parametrize("who,place", CASES)
def test_indicators_follow_the_scope(world, as_token, who, place):
    at = world.at[place]
    url = reverse("rest:indicators")
    by_region = as_token(who).get(url, {"region": at.region.code}).status_code
    assert by_region == (200 if who in REGION_DASHBOARD[place] else 404)
    by_library = as_token(who).get(url, {"library": at.library.pk}).status_code
    assert by_library == (200 if who in SEES[place] else 404)


@pytest.mark.parametrize("who", PERSONAS)
def test_the_nation_is_for_national_admins(world, as_token, who):
    status = as_token(who).get(reverse("rest:indicators")).status_code
    assert status == (200 if who == "admin" else 404)


@pytest.mark.parametrize("who,place", CASES)
def test_changing_an_activity_follows_the_scope(world, as_token, who, place):
    activity = world.at[place].activity
    url = reverse("rest:activity-detail", args=[activity.pk])
    response = as_token(who).patch(url, {"title": "Diubah lewat API"}, format="json")
    activity.refresh_from_db()
    if who in EDITS[place]:
        assert response.status_code == 200, response.content
        assert activity.title == "Diubah lewat API"
    else:
        assert response.status_code == 404
        assert activity.title != "Diubah lewat API"


@pytest.mark.parametrize("who,place", CASES)
def test_changing_a_report_follows_the_scope(world, as_token, who, place):
    report = world.at[place].report
    url = reverse("rest:report-detail", args=[report.pk])
    response = as_token(who).patch(url, {"notes": "Diubah lewat API"}, format="json")
    report.refresh_from_db()
    if who in EDITS[place]:
        assert response.status_code == 200, response.content
        assert report.notes == "Diubah lewat API"
    else:
        assert response.status_code == 404
        assert report.notes != "Diubah lewat API"


@pytest.mark.parametrize("who,place", CASES)
def test_recording_an_activity_follows_the_scope(world, as_token, who, place):
    from inklusi.activities.models import Activity
    from inklusi.activities.tests.helpers import activity_data

    library = world.at[place].library
    data = activity_data(library, title="Lewat API")
    response = as_token(who).post(reverse("rest:activity-list"), data)
    made = Activity.objects.filter(title="Lewat API")
    if who in EDITS[place]:
        assert response.status_code == 201, response.content
        assert made.get().library == library
    elif who == "manager":
        # A manager's form asks no library (as on the web): it goes to their own library.
        assert response.status_code == 201
        assert made.get().library == world.at["in"].library
    else:
        # Without any editing role: 403 (as the web's create page); with one elsewhere, the
        # form refuses a library outside the area.
        assert response.status_code == (403 if who in ("viewer", "nobody") else 400)
        assert not made.exists()


@pytest.mark.parametrize("who", sorted(EDITS["in"]))
def test_a_read_only_token_writes_nothing(world, as_token, who):
    activity = world.at["in"].activity
    url = reverse("rest:activity-detail", args=[activity.pk])
    response = as_token(who, read_only=True).patch(url, {"title": "Nope"}, format="json")
    assert response.status_code == 403
    activity.refresh_from_db()
    assert activity.title != "Nope"
