"""Demo outcome surveys for the Sumatera Selatan demo: answers to the surveys of the latest
published activities (some typed in from paper forms), follow-ups answered, follow-ups due
(to send on WhatsApp) and one closed survey.

Written through the survey services, so the summary tables follow. Each answer has a fixed
submission key, so running it again adds nothing.
"""

import datetime
import random

from django.db import transaction
from django.utils import timezone

from inklusi.accounts.models import User
from inklusi.accounts.scope import Scope
from inklusi.activities.models import Activity
from inklusi.surveys import services
from inklusi.surveys.models import FollowUpContact, Livelihood, Response

ACTIVITIES = 60
NEXT_STEPS = [
    "Membacakan buku cerita untuk anak saya setiap malam",
    "Mencoba resep olahan singkong dan menjualnya di warung",
    "Mengajari ibu-ibu di RT cara membuat akun marketplace",
    "Datang lagi ke perpustakaan untuk meminjam buku pertanian",
    "Membuat pupuk kompos di kebun sendiri",
    "Menulis catatan keuangan usaha kecil saya",
    "",
    "",
]


def _answers(rng, livelihood):
    high = rng.random() < 0.75
    answers = {
        name: rng.choice([4, 5] if high else [2, 3, 4])
        for name in ("knowledge", "confidence", "application", "awareness")
    }
    answers["next_step"] = rng.choice(NEXT_STEPS)
    if livelihood:
        answers["livelihood"] = rng.choice(
            [Livelihood.NO, Livelihood.MONEY, Livelihood.MONEY, Livelihood.BUSINESS]
        )
    return answers


@transaction.atomic
def load_demo_surveys():
    """(answers made now, follow-ups answered now, contacts waiting, answers in all)."""
    rng = random.Random(2025)
    manager = User.objects.get(email="pengelola@inklusi.id")
    scope = Scope.of(manager)
    activities = (
        Activity.objects.published()
        .select_related("library__region", "category")
        .order_by("-starts_on", "pk")[:ACTIVITIES]
    )
    made = answered = 0
    today = timezone.localdate()
    for number, activity in enumerate(activities):
        survey = services.survey_for(activity)
        count = rng.randint(3, 12)
        for index in range(count):
            paper = scope.edits_library(activity.library) and index % 4 == 3
            contact = None
            if index % 3 == 0:
                contact = {"whatsapp": f"62812{activity.pk:04d}{index:04d}"[:13]}
            answers, applied = _answers(rng, activity.category.livelihood), rng.random() < 0.7
            response, created = services.submit(
                survey,
                answers,
                submission_key=f"demo-{activity.pk}-{index}",
                contact=contact,
                entered_by=manager if paper else None,
            )
            made += created
            if not created or contact is None:
                continue
            opens = activity.starts_on + datetime.timedelta(days=services.FOLLOW_UP_OPENS_DAYS)
            closes = activity.starts_on + datetime.timedelta(days=services.FOLLOW_UP_CLOSES_DAYS)
            FollowUpContact.objects.filter(response=response).update(
                opens_on=opens, closes_on=max(closes, today)
            )
            if opens <= today and index % 2 == 0:
                contact_row = FollowUpContact.objects.get(response=response)
                answered += services.answer_follow_up(contact_row, applied)
        if number == ACTIVITIES - 1 and survey.is_open:
            services.close(survey, Scope.of(User.objects.get(email="admin@inklusi.id")))
    return made, answered, FollowUpContact.objects.count(), Response.objects.count()
