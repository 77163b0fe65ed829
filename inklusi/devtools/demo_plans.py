"""Demo work plans for Sumatera Selatan, one in each state of the lifecycle.

Called by `load_demo` after the libraries, users and activities exist. The demo manager's
library has this year's plan decided and partly realised, and next year's draft copied from it;
other libraries wait for the coordinator's review, for submission, or for the funder's decision.
Running it again adds nothing: a library that already has a plan for the year is left alone.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from inklusi.accounts.models import User
from inklusi.activities.models import Activity
from inklusi.libraries.models import Kind, Library, Status
from inklusi.plans import services
from inklusi.plans.models import Decision, Forum, Plan, State

PROVINCE, BANYUASIN, PALEMBANG = "16", "16.07", "16.71"
# Entries of the template of common activities, so the demo plans differ.
READING = ("children_reading", "outreach")
SKILLS = ("livelihood", "online_selling")
DIGITAL = ("digital", "online_selling", "outreach")
BACKGROUND = (
    "Perpustakaan desa ini menjadi tempat warga belajar keterampilan baru sejak menerima "
    "program Transformasi Perpustakaan Berbasis Inklusi Sosial. Rencana kerja ini disusun "
    "bersama warga, perangkat desa dan kader PKK berdasarkan masalah dan kebutuhan yang "
    "ditemukan dalam musyawarah dusun dan laporan bulanan perpustakaan."
)


def _user(email):
    return User.objects.filter(email=email).first()


@transaction.atomic
def load_demo_plans():
    """Create the demo plans that are missing; returns the plans created."""
    villages = list(
        Library.objects.filter(
            kind=Kind.VILLAGE, region__code__inside=BANYUASIN, status=Status.BENEFICIARY
        ).order_by("region_id")
    )
    if not villages:
        raise RuntimeError("Load the demo libraries first (inklusi.devtools.demo.load_demo).")
    home = villages[0]  # the demo manager's library (see inklusi/devtools/demo.py)
    manager = _user("pengelola@inklusi.id")
    coordinator = _user("banyuasin@inklusi.id")
    palembang = _user("palembang@inklusi.id") or coordinator
    regency_library = Library.objects.filter(region_id=BANYUASIN, kind=Kind.REGENCY).first()
    palembang_village = (
        Library.objects.filter(kind=Kind.VILLAGE, region__code__inside=PALEMBANG)
        .order_by("region_id")
        .first()
    )
    elsewhere = (
        Library.objects.filter(
            kind=Kind.VILLAGE, status=Status.BENEFICIARY, region__code__inside=PROVINCE
        )
        .exclude(region__code__inside=BANYUASIN)
        .exclude(region__code__inside=PALEMBANG)
        .order_by("region_id")
        .first()
    )
    province = _user("provinsi@inklusi.id") or coordinator
    year = timezone.localdate().year
    other = villages[1] if len(villages) > 1 else None
    # (library, year, writer, reviewer, state, start from, template entries)
    steps = [
        (home, year, manager, coordinator, State.DECIDED, "template", ()),
        (home, year + 1, manager, coordinator, State.DRAFT, "previous", ()),
        (other, year + 1, coordinator, coordinator, State.IN_REVIEW, "template", READING),
        (regency_library, year + 1, coordinator, coordinator, State.READY, "template", SKILLS),
        (palembang_village, year + 1, palembang, palembang, State.SUBMITTED, "template", DIGITAL),
        (elsewhere, year, province, province, State.DECIDED, "template", READING + SKILLS[:1]),
    ]
    created = []
    for library, plan_year, writer, reviewer, state, start, keys in steps:
        if library is None or Plan.objects.filter(library=library, year=plan_year).exists():
            continue
        plan = services.start_plan(library, plan_year, writer, start_from=start, template_keys=keys)
        if not plan.background:
            plan.background = BACKGROUND
            plan.save(update_fields=["background"])
        _advance(plan, state, writer, reviewer)
        created.append(plan)
    return created


def _advance(plan, state, writer, reviewer):
    order = [State.DRAFT, State.IN_REVIEW, State.READY, State.SUBMITTED, State.DECIDED]
    target = order.index(state)
    if target >= 1:
        services.add_comment(
            plan, reviewer, "budget", "Mohon cantumkan harga satuan sesuai standar desa."
        )
        services.submit_for_review(plan, writer)
    if target >= 2:
        services.approve(plan, reviewer, "Sudah sesuai kebutuhan warga. Silakan diajukan.")
    if target >= 3:
        is_village = plan.library.kind == Kind.VILLAGE
        services.submit_to_funder(
            plan,
            writer,
            forum=Forum.MUSDES if is_village else Forum.MUSRENBANG,
            submitted_on=datetime.date(plan.year - 1, 10, 15),
            addressed_to=f"Pemerintah {plan.library.region.label}"
            if is_village
            else "Bappeda Kabupaten Banyuasin",
            reference=f"005/PERPUS/X/{plan.year - 1}",
        )
    lines = list(plan.lines().select_related("activity").order_by("activity__month", "pk"))
    if state == State.SUBMITTED:
        lines = lines[: len(lines) // 2]  # the funder has answered half of them so far
    if target >= 3:
        for number, line in enumerate(lines):
            rejected = number % 7 == 6
            services.record_decision(
                line,
                writer,
                decision=Decision.REJECTED if rejected else Decision.APPROVED,
                # Most lines as asked, some cut by a fifth.
                approved_amount=line.total if number % 3 else line.total * 4 // 5,
                reference=f"Berita Acara Musdes No. 7/{plan.year - 1}",
                decided_on=datetime.date(plan.year - 1, 11, 20),
                note="" if rejected or number % 3 else "Disesuaikan dengan pagu desa.",
            )
    if state == State.DECIDED:
        _realise(plan, writer)


def _realise(plan, writer):
    """Activities of the months already past were held; most money was spent."""
    today = timezone.localdate()
    records = list(Activity.objects.filter(library=plan.library).order_by("starts_on"))
    for activity in plan.activities.prefetch_related("lines"):
        if plan.year > today.year or (plan.year == today.year and activity.month >= today.month):
            continue
        record = next((r for r in records if r.starts_on.month == activity.month), None)
        services.record_realisation(
            activity,
            writer,
            held=True,
            activity=record,
            note="Terlaksana sesuai rencana.",
            spent={
                line: line.approved_amount * 9 // 10
                for line in activity.lines.all()
                if line.is_approved
            },
        )
