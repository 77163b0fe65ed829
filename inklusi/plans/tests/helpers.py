"""A small plan to test with: two needs, two activities, three budget lines."""

import datetime
from decimal import Decimal

from django.urls import reverse

from inklusi.core.funding import FundingSource
from inklusi.plans import services
from inklusi.plans.models import BudgetLine, Decision, Need, Plan, PlanActivity, State


def make_plan(library, user=None, year=2026, state=State.DRAFT):
    plan = Plan.objects.create(library=library, year=year, created_by=user, state=state)
    reading = Need.objects.create(
        plan=plan,
        problem="Minat baca anak rendah",
        need="Kelas membaca rutin",
        evidence_kind="survey",
        evidence="Survei 40 orang tua",
    )
    digital = Need.objects.create(
        plan=plan,
        problem="Warga belum bisa internet",
        need="Pelatihan internet",
        evidence_kind="reports",
        evidence="12 pengguna komputer per bulan",
    )
    kelas = PlanActivity.objects.create(
        plan=plan,
        title="Kelas membaca",
        target_group="Anak 5–12 tahun",
        target_size=30,
        month=2,
        person_in_charge="Bu Siti",
        expected_result="Anak rutin meminjam buku",
        measure="Pinjaman buku anak per bulan",
    )
    kelas.needs.add(reading)
    pelatihan = PlanActivity.objects.create(
        plan=plan,
        title="Pelatihan internet",
        target_group="Pemuda",
        target_size=20,
        month=3,
        person_in_charge="Pak Budi",
    )
    pelatihan.needs.add(digital)
    BudgetLine.objects.create(
        activity=kelas,
        item="Buku cerita",
        quantity=Decimal("50"),
        unit="eksemplar",
        unit_price=45_000,
        source=FundingSource.VILLAGE,
    )
    BudgetLine.objects.create(
        activity=kelas,
        item="Konsumsi",
        quantity=Decimal("2.5"),
        unit="paket",
        unit_price=101,
        source=FundingSource.COMMUNITY,
    )
    BudgetLine.objects.create(
        activity=pelatihan,
        item="Honor narasumber",
        quantity=Decimal("4"),
        unit="pertemuan",
        unit_price=300_000,
        source=FundingSource.REGENCY,
    )
    return plan


def move_to(plan, state, people):
    """Take a plan along the lifecycle from where it is up to `state`."""
    order = [State.DRAFT, State.IN_REVIEW, State.READY, State.SUBMITTED, State.DECIDED]
    for step in order[order.index(plan.state) + 1 : order.index(state) + 1]:
        if step == State.IN_REVIEW:
            services.submit_for_review(plan, people.manager)
        elif step == State.READY:
            services.approve(plan, people.regency)
        elif step == State.SUBMITTED:
            services.submit_to_funder(
                plan,
                people.manager,
                forum="musdes",
                submitted_on=datetime.date(2025, 10, 1),
                addressed_to="Pemerintah Desa Air Batu",
            )
        else:
            for line in plan.lines():
                services.record_decision(
                    line,
                    people.manager,
                    decision=Decision.APPROVED,
                    approved_amount=line.total,
                    reference="Berita Acara Musdes 3/2025",
                    decided_on=datetime.date(2025, 11, 1),
                )
    plan.refresh_from_db()
    return plan


def url(name, *args):
    return reverse(f"plans:{name}", args=args)


def messages_of(response):
    return [str(m) for m in response.context["messages"]] if response.context else []


def events(plan, **match):
    """The plan's history steps (newest first) whose attributes match `match`."""
    from inklusi.plans.history import steps

    return [s for s in steps(plan) if all(getattr(s, k) == v for k, v in match.items())]
