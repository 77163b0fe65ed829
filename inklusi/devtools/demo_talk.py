"""Demo announcements (with who has read them), questions to the facilitator (one answered
and in the FAQ, one open) and a comment thread, for the Sumatera Selatan demo.

Called by `load_demo` after the users and activities exist; each record is looked up by its
author and text, so running it again adds nothing. Written through the apps' services, as
the pages write them (receipts and notifications follow).
"""

import datetime

from django.db import transaction
from django.utils import timezone

from inklusi.accounts.models import User
from inklusi.accounts.scope import Scope
from inklusi.activities.models import Activity
from inklusi.announcements import services as announcements
from inklusi.announcements.models import Announcement
from inklusi.comments.services import add_comment, thread
from inklusi.questions import services as questions
from inklusi.questions.models import Question
from inklusi.regions.models import Region

ANNOUNCEMENTS = [
    # author, region, roles, title, body, pinned, read by
    (
        "provinsi@inklusi.id",
        "16",
        [],
        "Bimtek literasi inklusif bulan depan",
        "Bimtek untuk pengelola perpustakaan desa akan diadakan bulan depan di Palembang. "
        "Pendaftaran dibuka lewat menu Bimtek.",
        True,
        ["banyuasin@inklusi.id", "fasilitator@inklusi.id"],
    ),
    (
        "banyuasin@inklusi.id",
        "16.07",
        ["library_manager"],
        "Laporan bulanan paling lambat tanggal 10",
        "Mohon semua perpustakaan desa mengirim laporan bulan lalu paling lambat tanggal 10. "
        "Hubungi fasilitator bila ada kesulitan.",
        False,
        [],
    ),
]
QUESTIONS = [
    (
        "Apakah kegiatan yang diadakan daring dihitung sebagai kegiatan perpustakaan?",
        "Ya. Catat sebagai kegiatan dengan tempat “daring” dan isi jumlah peserta yang hadir.",
    ),
    ("Bagaimana mencatat peserta penyandang disabilitas yang datang bersama pendamping?", ""),
]


def _user(email):
    return User.objects.get(email=email)


@transaction.atomic
def load_demo_talk():
    """Returns the numbers of announcements, questions and comments added."""
    added = [0, 0, 0]
    for author_email, code, roles, title, body, pinned, readers in ANNOUNCEMENTS:
        author = _user(author_email)
        if Announcement.objects.filter(author=author, title=title).exists():
            continue
        announcement = Announcement(
            author=author,
            region=Region.objects.get(code=code),
            audience_roles=roles,
            title=title,
            body=body,
            pinned=pinned,
            expires_on=timezone.localdate() + datetime.timedelta(days=30),
        )
        announcements.post(announcement, Scope(author))
        for reader in readers:
            announcements.mark_read(announcement, _user(reader))
        added[0] += 1

    manager, facilitator = _user("pengelola@inklusi.id"), _user("fasilitator@inklusi.id")
    library = manager.roles.get().library
    for text, answer in QUESTIONS:
        if Question.objects.filter(asked_by=manager, text=text).exists():
            continue
        question = questions.ask(Question(library=library, asked_by=manager, text=text))
        if answer:
            questions.answer(question, Scope(facilitator), facilitator, answer)
            questions.set_faq(question, Scope(facilitator), True)
        added[1] += 1

    activity = Activity.objects.filter(library=library).order_by("-starts_on").first()
    if activity is not None and not thread(activity).exists():
        coordinator = _user("banyuasin@inklusi.id")
        add_comment(
            activity,
            Scope(coordinator),
            coordinator,
            "Kegiatan yang bagus. @fasilitator@inklusi.id mohon bantu cek jumlah pesertanya.",
        )
        add_comment(activity, Scope(manager), manager, "Terima kasih, sudah kami perbaiki.")
        added[2] += 2
    return added
