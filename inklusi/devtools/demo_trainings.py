"""The article's Bimtek as demo data: "Bimtek Strategi Pengembangan Perpustakaan dan TIK",
Sumatera Selatan, 21–23 July 2020 on Zoom, about forty library managers from the regencies and
cities, opened by the head of the provincial library office, with a master trainer.

Participants are demo accounts peserta01@contoh.id … peserta40@contoh.id (password as the
other demo users), each the library manager of a demo regency or village library of the
province. Deterministic and idempotent: every record is looked up before it is created.
"""

import random
from datetime import date, time, timedelta
from itertools import zip_longest

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.db.models import Q

from inklusi.accounts.models import Role, RoleAssignment, User
from inklusi.libraries.models import Kind, Library, Status
from inklusi.trainings import services
from inklusi.trainings.models import (
    AnswerSheet,
    Attendance,
    AttendanceMethod,
    Evaluation,
    Mode,
    Question,
    Registration,
    Session,
    SessionRating,
    Training,
    Zone,
)

from .demo import DEMO_PASSWORD

PROVINCE = "16"
PARTICIPANTS = 40
TITLE = "Bimtek Strategi Pengembangan Perpustakaan dan TIK"
OPENER = "Hj. Mislena, SE, MM (Plt Kepala Dinas Perpustakaan Provinsi Sumatera Selatan)"
TRAINER = "Cicih (Master Trainer)"
CONSULTANT = "Tim MarkPlus (konsultan pelaksana)"

DESCRIPTION = (
    "Bimbingan Teknis Strategi Pengembangan Perpustakaan dan Teknologi Informasi dan Komputer "
    "(SPP & TIK) se-Sumatera Selatan, diinisiasi Perpustakaan Nasional RI bersama MarkPlus "
    "sebagai konsultan pelaksana. Diselenggarakan secara daring melalui Zoom sesuai protokol "
    "kesehatan masa pandemi Covid-19."
)
GOALS = "\n".join(
    [
        "1. Memahami program transformasi perpustakaan berbasis inklusi sosial, program "
        "prioritas nasional yang memerlukan dukungan pemerintah daerah.",
        "2. Memahami strategi yang harus dijalankan untuk keberhasilan program di masyarakat.",
        "3. Memanfaatkan media sosial dan video conference untuk bertukar informasi antar "
        "kabupaten/kota dan memantau perkembangan daerah penerima bantuan.",
        "4. Menyusun rencana kerja dari permasalahan dan kebutuhan, untuk memperoleh dukungan "
        "APBD atau Alokasi Dana Desa.",
        "5. Membangun kemitraan dengan pemangku kepentingan.",
    ]
)

# (day, start, end, topic, trainer)
AGENDA = [
    (21, time(8, 30), time(9, 30), "Pembukaan dan arahan", OPENER),
    (21, time(9, 30), time(12, 0), "Transformasi perpustakaan berbasis inklusi sosial", TRAINER),
    (21, time(13, 0), time(15, 0), "Strategi pengembangan perpustakaan", TRAINER),
    (22, time(8, 30), time(12, 0), "Media sosial dan konferensi video (TIK)", CONSULTANT),
    (22, time(13, 0), time(15, 0), "Rencana kerja: permasalahan dan kebutuhan", TRAINER),
    (23, time(8, 30), time(11, 30), "Advokasi untuk dukungan APBD dan Alokasi Dana Desa", TRAINER),
    (23, time(13, 0), time(15, 0), "Kemitraan dengan pemangku kepentingan; penutupan", TRAINER),
]

# (question, answers, index of the right one)
QUESTIONS = [
    (
        "Apa kepanjangan TPBIS?",
        [
            "Transformasi Perpustakaan Berbasis Inklusi Sosial",
            "Tata Perpustakaan Berbasis Informasi Sekolah",
            "Teknologi Perpustakaan Berbasis Internet Sehat",
        ],
        0,
    ),
    (
        "Tujuan utama transformasi perpustakaan adalah …",
        [
            "menambah koleksi buku",
            "perpustakaan menjadi tempat belajar yang meningkatkan kesejahteraan masyarakat",
            "membangun gedung baru",
        ],
        1,
    ),
    (
        "Dasar penyusunan rencana kerja perpustakaan desa adalah …",
        [
            "keinginan pengelola",
            "contoh dari desa lain",
            "permasalahan dan kebutuhan masyarakat",
        ],
        2,
    ),
    (
        "Forum desa untuk mengusulkan kegiatan agar didanai Dana Desa adalah …",
        ["Musrenbangdes", "Rapat RT", "Arisan PKK"],
        0,
    ),
    (
        "Kepada siapa perpustakaan kabupaten terutama mengadvokasikan dukungan APBD?",
        ["Bappeda dan DPRD", "Bank", "Sekolah"],
        0,
    ),
    (
        "Contoh kegiatan pelibatan masyarakat adalah …",
        [
            "menata rak buku",
            "pelatihan membuat kerajinan bagi ibu-ibu PKK",
            "menghitung koleksi",
        ],
        1,
    ),
    (
        "Mengapa kegiatan perlu didokumentasikan di media sosial?",
        [
            "agar perkembangan dan dampaknya diketahui pemangku kepentingan",
            "agar pengelola terkenal",
            "karena wajib setiap hari",
        ],
        0,
    ),
    (
        "Pemangku kepentingan yang dapat menjadi mitra perpustakaan desa adalah …",
        [
            "hanya Perpustakaan Nasional",
            "pemerintah desa, dunia usaha (CSR), komunitas dan perguruan tinggi",
            "hanya sekolah",
        ],
        1,
    ),
    (
        "Aplikasi yang dipakai untuk Bimtek daring ini adalah …",
        ["Zoom Meeting", "Surat pos", "Radio"],
        0,
    ),
    (
        "Keberhasilan transformasi perpustakaan diukur terutama dari …",
        [
            "jumlah buku baru",
            "dampak yang dirasakan masyarakat",
            "luas gedung",
        ],
        1,
    ),
]

FIRST_NAMES = [
    "Ahmad",
    "Siti",
    "Budi",
    "Dewi",
    "Rahmat",
    "Nurhayati",
    "Agus",
    "Yuliana",
    "Hendra",
    "Sri",
    "Fajar",
    "Rina",
    "Darmawan",
    "Eka",
    "Joko",
    "Maya",
    "Irwan",
    "Wulan",
    "Syahrial",
    "Lestari",
    "Hasan",
    "Fitri",
    "Rudi",
    "Nurul",
    "Zainal",
    "Desi",
    "Arif",
    "Yanti",
    "Taufik",
    "Ratna",
    "Bambang",
    "Indah",
    "Yusuf",
    "Kartini",
    "Rizal",
    "Melati",
    "Andi",
    "Ayu",
    "Firmansyah",
    "Novi",
]
LAST_NAMES = [
    "Saputra",
    "Rahmawati",
    "Santoso",
    "Lestari",
    "Hidayat",
    "Pratiwi",
    "Kurniawan",
    "Handayani",
    "Gunawan",
    "Wahyuni",
    "Nugroho",
    "Susanti",
    "Setiawan",
    "Marlina",
    "Harahap",
    "Anggraini",
    "Siregar",
    "Yulianti",
    "Pohan",
    "Safitri",
]

COMMITMENTS = [
    "Menyusun rencana kerja perpustakaan bersama aparat desa dan mengusulkannya di "
    "Musrenbangdes bulan depan.",
    "Mengadakan kelas literasi digital (WhatsApp dan Facebook untuk usaha) bagi pelaku UMKM.",
    "Membuat akun Facebook dan Instagram perpustakaan dan mengunggah kegiatan setiap minggu.",
    "Bertemu Bappeda untuk memaparkan program TPBIS dan meminta dukungan APBD.",
    "Mengajak PKK dan karang taruna menjadi mitra kegiatan pelatihan keterampilan.",
    "Mendampingi perpustakaan desa penerima bantuan menyusun laporan bulanan.",
    "Menjadwalkan pertemuan daring bulanan dengan pengelola perpustakaan desa.",
    "Mengusulkan Alokasi Dana Desa untuk pelatihan menjahit di perpustakaan desa.",
]
EVALUATION_COMMENTS = [
    "Materi sangat bermanfaat, semoga ada pendampingan lanjutan.",
    "Waktu sesi rencana kerja terlalu singkat.",
    "Koneksi internet di daerah kami kurang stabil, mohon materi dibagikan.",
    "Master trainer menjelaskan dengan jelas dan banyak contoh.",
    "",
]


def _participant_libraries():
    """The managed libraries of the demo: each regency/city library of the province, then
    beneficiary village libraries, round-robin over the regencies."""
    libraries = Library.objects.filter(region__code__inside=PROVINCE).select_related("region")
    regency = list(libraries.filter(kind=Kind.REGENCY).order_by("region_id"))
    villages = list(
        libraries.filter(kind=Kind.VILLAGE)
        .exclude(status=Status.CANDIDATE)
        .exclude(roles_held())
        .order_by("region_id")
    )
    by_regency = {}
    for village in villages:
        by_regency.setdefault(village.region_id[:5], []).append(village)
    rounds = zip_longest(*by_regency.values())
    chosen = regency + [village for group in rounds for village in group if village]
    if not chosen:
        raise RuntimeError("Load the demo libraries first (inklusi.devtools.demo.load_demo).")
    return [chosen[i % len(chosen)] for i in range(PARTICIPANTS)]


def roles_held():
    """Libraries a demo user other than a participant manages (the demo manager's)."""
    held = RoleAssignment.objects.filter(role=Role.LIBRARY_MANAGER).exclude(
        user__email__endswith="@contoh.id"
    )
    return Q(pk__in=held.values("library"))


def _participants(libraries):
    users = []
    password = make_password(DEMO_PASSWORD)  # hashed once: hashing is slow on purpose
    for number, library in enumerate(libraries, start=1):
        email = f"peserta{number:02d}@contoh.id"
        name = f"{FIRST_NAMES[number - 1]} {LAST_NAMES[(number * 7) % len(LAST_NAMES)]}"
        user = User.objects.filter(email=email).first() or User.objects.create(
            email=email, password=password, full_name=name, phone=f"62812{number:08d}"
        )
        RoleAssignment.objects.get_or_create(
            user=user, role=Role.LIBRARY_MANAGER, library=library, region=None
        )
        users.append((user, library))
    return users


@transaction.atomic
def load_demo_trainings():
    """Create the demo Bimtek and everything around it; returns the training."""
    organiser = Library.objects.filter(region_id=PROVINCE, kind=Kind.PROVINCE).first()
    if organiser is None:
        raise RuntimeError("Load the demo libraries first (inklusi.devtools.demo.load_demo).")
    coordinator = User.objects.filter(email="provinsi@inklusi.id").first()
    training, _ = Training.objects.get_or_create(
        title=TITLE,
        organiser=organiser,
        defaults={
            "description": DESCRIPTION,
            "goals": GOALS,
            "mode": Mode.ONLINE,
            "starts_on": date(2020, 7, 21),
            "ends_on": date(2020, 7, 23),
            "time_zone": Zone.WIB,
            "meeting_url": "https://zoom.us/j/82020072123",
            "meeting_passcode": "SPPTIK20",
            "quota": 45,
            "registration_closes_on": date(2020, 7, 17),
            "audience_kinds": [Kind.REGENCY, Kind.VILLAGE],
            "min_attendance": 75,
            "post_test_required": True,
            "created_by": coordinator,
        },
    )
    training.audience_regions.add(PROVINCE)
    sessions = [
        Session.objects.get_or_create(
            training=training,
            topic=topic,
            defaults={
                "trainer": trainer,
                "starts_at": training.at(date(2020, 7, day), start),
                "ends_at": training.at(date(2020, 7, day), end),
            },
        )[0]
        for day, start, end, topic, trainer in AGENDA
    ]
    questions = [
        Question.objects.get_or_create(
            training=training,
            position=position,
            defaults={"text": text, "options": options, "correct": correct},
        )[0]
        for position, (text, options, correct) in enumerate(QUESTIONS, start=1)
    ]
    rng = random.Random(2107)
    for number, (user, library) in enumerate(_participants(_participant_libraries()), start=1):
        registration, created = Registration.objects.get_or_create(
            training=training,
            user=user,
            defaults={
                "library": library,
                "registered_at": training.at(date(2020, 7, 14 + number % 4), time(10, number)),
                "registered_by": coordinator,
            },
        )
        if not created:
            continue  # everything below was made with it
        _fill(rng, number, registration, sessions, questions)
    return training


def _fill(rng, number, registration, sessions, questions):
    """Attendance, tests, evaluation, commitment and certificate of one participant."""
    # Most come to nearly everything; every ninth participant misses half (a bad connection).
    presence = 0.5 if number % 9 == 0 else 0.93
    for session in sessions:
        if rng.random() > presence:
            continue
        minutes = rng.choice([-20, -12, -8, -5, -3, 0, 2, 5, 9, 25] if number % 6 else [20, 35])
        moment = session.starts_at + timedelta(minutes=minutes)
        Attendance.objects.create(
            registration=registration,
            session=session,
            checked_in_at=moment,
            late=moment > session.late_after,
            method=AttendanceMethod.CODE if number % 10 else AttendanceMethod.MANUAL,
        )
    skill = rng.uniform(0.25, 0.6)
    _sheet(rng, registration, "pre", questions, skill, sessions[0].starts_at)
    if number % 13 != 0:  # a few never opened the post-test
        _sheet(rng, registration, "post", questions, min(skill + 0.35, 0.95), sessions[-1].ends_at)
        evaluation = Evaluation.objects.create(
            registration=registration,
            comments=EVALUATION_COMMENTS[number % len(EVALUATION_COMMENTS)],
            submitted_at=sessions[-1].ends_at,
        )
        SessionRating.objects.bulk_create(
            SessionRating(
                evaluation=evaluation,
                session=session,
                content=rng.choice([3, 4, 4, 5, 5]),
                trainer=rng.choice([4, 4, 5, 5, 5]),
            )
            for session in sessions
        )
        registration.commitment = COMMITMENTS[number % len(COMMITMENTS)]
        registration.committed_at = sessions[-1].ends_at
        registration.save(update_fields=["commitment", "committed_at"])
    certificate = services.issue_certificate(registration)
    if certificate is not None:
        certificate.issued_at = sessions[-1].ends_at
        certificate.save(update_fields=["issued_at"])


def _sheet(rng, registration, kind, questions, skill, moment):
    answers = {
        str(q.pk): q.correct if rng.random() < skill else (q.correct + 1) % len(q.options)
        for q in questions
    }
    AnswerSheet.objects.create(
        registration=registration,
        kind=kind,
        answers=answers,
        score=services.score(questions, answers),
        submitted_at=moment,
    )
