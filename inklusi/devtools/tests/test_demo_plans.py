"""The demo plans: several states, realistic budgets, and a second run adds nothing."""

import pytest

from inklusi.accounts.models import Role
from inklusi.devtools.demo_plans import load_demo_plans
from inklusi.plans.models import Plan, State
from inklusi.plans.tests.helpers import events
from inklusi.testing.factories import UserFactory


@pytest.fixture
def demo_users(libraries):
    r = libraries.regions
    UserFactory(email="pengelola@inklusi.id", role=(Role.LIBRARY_MANAGER, libraries.air_batu))
    UserFactory(email="banyuasin@inklusi.id", role=(Role.REGENCY_COORDINATOR, r["16.07"]))
    UserFactory(email="palembang@inklusi.id", role=(Role.REGENCY_COORDINATOR, r["16.71"]))


def test_demo_is_loaded_once(libraries, demo_users):
    created = load_demo_plans()
    states = {plan.state for plan in created}
    assert {State.DECIDED, State.DRAFT, State.READY, State.SUBMITTED} <= states
    assert Plan.objects.filter(library=libraries.air_batu).count() == 2
    for plan in created:
        asked = plan.totals()["asked"]
        assert 2_000_000 <= asked <= 50_000_000
        assert events(plan)
    decided = Plan.objects.get(library=libraries.air_batu, state=State.DECIDED)
    assert 0 < decided.totals()["approved"] <= decided.totals()["asked"]
    draft = Plan.objects.get(library=libraries.air_batu, state=State.DRAFT)
    assert draft.based_on == decided
    assert load_demo_plans() == []
    assert Plan.objects.count() == len(created)


def test_demo_needs_the_libraries(db):
    with pytest.raises(RuntimeError):
        load_demo_plans()
