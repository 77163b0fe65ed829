"""The plans' own history (PlanEvent) is copied into the audit trail when it is folded in."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from inklusi.plans.history import steps

BEFORE = [("plans", "0001_initial")]
AFTER = [("plans", "0002_fold_plan_events_into_the_audit_trail")]


@pytest.mark.django_db(transaction=True)
def test_plan_events_become_audit_entries(people, libraries):
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    library = old.get_model("libraries", "Library").objects.get(pk=libraries.air_batu.pk)
    plan = old.get_model("plans", "Plan").objects.create(library=library, year=2031)
    old.get_model("plans", "PlanEvent").objects.create(
        plan=plan,
        kind="comment",
        section="budget",
        text="Cek harga.",
        user_id=people.regency.pk,
    )
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(AFTER)

    from inklusi.plans.models import Plan

    [step] = steps(Plan.objects.get(pk=plan.pk))
    assert (step.kind, step.section, step.text, step.user) == (
        "comment",
        "budget",
        "Cek harga.",
        people.regency,
    )
