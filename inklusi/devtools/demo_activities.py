"""Demo activities and monthly reports for the demo province's libraries.

A year of monthly reports (the twelve months before the current one) for every library in the
programme, with some libraries deliberately late or missing, and a few hundred activities with
drawn photos. Dates follow today's date, so the demo always shows a current picture. Running it
again adds nothing: activities are keyed by library, title and date, reports by library and month.
"""

import datetime
import random
from io import BytesIO

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image, ImageDraw

from inklusi.activities.models import Activity, Category, Review, Status
from inklusi.activities.photos import add_photo, prepare_photo
from inklusi.core.funding import FundingSource
from inklusi.core.months import last_months
from inklusi.libraries.models import Kind, Library
from inklusi.libraries.models import Status as LibraryStatus
from inklusi.monitoring import summaries
from inklusi.reports.models import MonthlyReport, due_date

MONTHS = 12

# (category slug, title, place, what happened, outcome)
ACTIVITY_IDEAS = [
    (
        "literacy",
        "Kelas membaca nyaring untuk anak",
        "Ruang baca perpustakaan",
        "Relawan membacakan buku cerita bergambar, lalu anak-anak menceritakan kembali isinya.",
        "Anak-anak meminjam buku untuk dibaca di rumah.",
    ),
    (
        "digital",
        "Pelatihan membuat surel dan mencari informasi di internet",
        "Pojok komputer perpustakaan",
        "Peserta belajar membuat akun surel, mencari informasi harga pasar dan layanan desa.",
        "Peserta dapat mengirim surel sendiri.",
    ),
    (
        "economy",
        "Pelatihan membuat keripik pisang dan kemasannya",
        "Balai desa",
        "Ibu-ibu PKK belajar mengolah pisang menjadi keripik dan memasarkannya lewat WhatsApp.",
        "Tiga kelompok mulai menjual keripik di warung desa.",
    ),
    (
        "agriculture",
        "Belajar budidaya ikan lele dalam ember",
        "Halaman perpustakaan",
        "Penyuluh perikanan menunjukkan cara budidaya lele dan kangkung dalam ember.",
        "Sepuluh keluarga mencoba budidaya di rumah.",
    ),
    (
        "health",
        "Penyuluhan gizi balita dan pencegahan stunting",
        "Posyandu desa",
        "Bidan desa menjelaskan menu bergizi dari bahan lokal, dengan buku resep perpustakaan.",
        "Kader posyandu memakai buku resep untuk kelas ibu hamil.",
    ),
    (
        "culture",
        "Latihan tari tradisional dan cerita rakyat",
        "Pendopo desa",
        "Sanggar desa melatih anak-anak menari dan membacakan cerita rakyat Sumatera Selatan.",
        "Anak-anak tampil pada perayaan 17 Agustus.",
    ),
    (
        "children",
        "Bimbingan belajar dan mewarnai",
        "Ruang baca perpustakaan",
        "Relawan mahasiswa mendampingi anak mengerjakan PR dan lomba mewarnai.",
        "Kegiatan menjadi rutin setiap Sabtu.",
    ),
    (
        "digital",
        "Pelatihan jualan daring untuk UMKM desa",
        "Pojok komputer perpustakaan",
        "Pelaku UMKM belajar memotret produk dan membuka toko di lokapasar.",
        "Lima UMKM membuka toko daring.",
    ),
]
CATEGORY_COLOURS = {
    "literacy": (46, 125, 50),
    "digital": (21, 101, 192),
    "economy": (239, 108, 0),
    "agriculture": (85, 139, 47),
    "health": (198, 40, 40),
    "culture": (106, 27, 154),
    "children": (0, 131, 143),
}


def _drawn_photo(rng, colour, label):
    """A simple drawn scene (shelves of books and people), so the demo needs no photo files."""
    image = Image.new("RGB", (960, 640), tuple(min(255, c + 150) for c in colour))
    draw = ImageDraw.Draw(image)
    for shelf in range(3):
        y = 80 + shelf * 120
        draw.rectangle((40, y + 90, 420, y + 100), fill=(120, 80, 40))
        x = 50
        while x < 400:
            width = rng.randint(14, 30)
            shade = tuple(rng.randint(40, 220) for _ in range(3))
            draw.rectangle((x, y + rng.randint(20, 40), x + width, y + 90), fill=shade)
            x += width + 3
    for person in range(rng.randint(3, 7)):
        x = 500 + person * 60
        y = 380 + rng.randint(-20, 20)
        draw.ellipse((x, y, x + 44, y + 44), fill=(141, 85, 36))
        draw.rectangle((x - 4, y + 48, x + 48, y + 160), fill=colour)
    draw.rectangle((0, 560, 960, 640), fill=colour)
    draw.text((24, 585), label, fill=(255, 255, 255))
    out = BytesIO()
    image.save(out, "JPEG", quality=80)
    return SimpleUploadedFile("kegiatan.jpg", out.getvalue(), content_type="image/jpeg")


def _submitted_at(rng, month, late):
    """When the report was filed: a few days into the next month, or after the due date."""
    due = due_date(month)
    day = (
        due + datetime.timedelta(days=rng.randint(3, 20))
        if late
        else due.replace(day=rng.randint(1, due.day))
    )
    moment = datetime.datetime.combine(day, datetime.time(rng.randint(8, 20), rng.randint(0, 59)))
    return timezone.make_aware(moment)


def _report_figures(rng, library, index, month_number):
    """Plausible figures, larger for regency and provincial libraries, growing over the year."""
    scale = {Kind.PROVINCE: 12, Kind.REGENCY: 5}.get(library.kind, 1)
    growth = 1 + month_number * 0.03
    visitors = int(rng.randint(90, 260) * scale * growth)
    women = int(visitors * rng.uniform(0.48, 0.62))
    members = int((120 + index * 7) * scale * growth)
    return {
        "open_days": rng.randint(18, 24),
        "visitors_female": women,
        "visitors_male": visitors - women,
        "new_members": rng.randint(2, 12) * scale,
        "total_members": members,
        "loans": int(visitors * rng.uniform(0.4, 0.9)),
        "computer_users": int(visitors * rng.uniform(0.1, 0.3)),
        "internet_users": int(visitors * rng.uniform(0.08, 0.25)),
    }


def load_demo_reports(libraries, manager_library, today=None):
    """A year of reports for each library in the programme. Every sixth library has not filed
    last month's report, and every fifth files late; the demo manager's library still has
    last month to file. Returns the number of reports created."""
    today = today or timezone.localdate()
    months = last_months(MONTHS, today)
    rng = random.Random(1600)
    created = 0
    reporting = [lib for lib in libraries if lib.status != LibraryStatus.CANDIDATE]
    for index, library in enumerate(reporting):
        for number, month in enumerate(months):
            figures = _report_figures(rng, library, index, number)
            last = number == len(months) - 1
            if last and (index % 6 == 5 or library == manager_library):
                continue
            late = index % 5 == 4 and number % 2 == 0
            _, made = MonthlyReport.objects.get_or_create(
                library=library,
                month=month,
                defaults={**figures, "submitted_at": _submitted_at(rng, month, late)},
            )
            created += made
    return created


def load_demo_activities(libraries, manager_library, author=None, today=None):
    """About four activities per library in the programme over the year (ten for the demo
    manager's library), most with photos. Returns the number created."""
    today = today or timezone.localdate()
    categories = {c.slug: c for c in Category.objects.all()}
    photos = _PhotoPool()
    created = 0
    for index, library in enumerate(libraries):
        if library.status == LibraryStatus.CANDIDATE:
            continue
        count = 10 if library == manager_library else 4 + (library.kind != Kind.VILLAGE) * 2
        for number in range(count):
            # One generator per activity, so a second run draws the same dates and skips them.
            rng = random.Random(f"{library.region_id}-{number}")
            idea = ACTIVITY_IDEAS[(index + number) % len(ACTIVITY_IDEAS)]
            starts_on = today - datetime.timedelta(days=rng.randint(3, 360))
            if Activity.objects.filter(
                library=library, title=idea[1], starts_on=starts_on
            ).exists():
                continue
            activity = _make_activity(
                rng,
                library,
                categories[idea[0]],
                idea,
                starts_on,
                author,
                _turn(index, number, library == manager_library),
            )
            for photo_number in range(rng.choice([0, 1, 1, 2, 3])):
                add_photo(
                    activity,
                    photos.get(idea[0], rng.randrange(3)),
                    caption=activity.title,
                    consent_to_publish=photo_number == 0 or rng.random() < 0.7,
                )
            created += 1
    return created


def _turn(index, number, sent_back_here):
    turn = (index + number) % 11
    if sent_back_here:
        return 5 if number == 5 else (2 if turn == 5 else turn)
    return 2 if turn == 5 and index % 4 else turn  # only every fourth library has one sent back


class _PhotoPool:
    """Three drawn photos per category, drawn and re-encoded once, saved as separate files."""

    def __init__(self):
        self.prepared = {}

    def get(self, slug, variant):
        if (slug, variant) not in self.prepared:
            rng = random.Random(f"{slug}-{variant}")
            colour = CATEGORY_COLOURS.get(slug, (80, 80, 80))
            image, thumbnail = prepare_photo(_drawn_photo(rng, colour, f"Inklusi · {slug}"))
            self.prepared[slug, variant] = (image.read(), thumbnail.read())
        image, thumbnail = self.prepared[slug, variant]
        return (
            SimpleUploadedFile("kegiatan.jpg", image, "image/jpeg"),
            SimpleUploadedFile("kegiatan.jpg", thumbnail, "image/jpeg"),
        )


def _make_activity(rng, library, category, idea, starts_on, author, turn):
    """`turn` (0-10) spreads the states: mostly published and verified, some awaiting a look,
    a few drafts, and one sent back with a comment."""
    _, title, place, description, outcome = idea
    women = rng.randint(5, 30)
    men = rng.randint(3, 25)
    total = women + men
    children = rng.randint(0, total // 2)
    elderly = rng.randint(0, (total - children) // 5)
    youth = rng.randint(0, total - children - elderly)
    cost = rng.choice([0, 0, 250_000, 500_000, 1_500_000])
    status, review, comment = Status.PUBLISHED, Review.VERIFIED, ""
    if turn == 0:
        status, review = Status.DRAFT, Review.PENDING
    elif turn == 5:
        status, review = Status.DRAFT, Review.RETURNED
        comment = "Mohon lengkapi jumlah peserta menurut kelompok usia dan unggah foto kegiatan."
    elif turn in (2, 7, 9):
        review = Review.PENDING
    return Activity.objects.create(
        library=library,
        title=title,
        category=category,
        starts_on=starts_on,
        place=place,
        description=description,
        facilitator=rng.choice(["Relawan perpustakaan", "Penyuluh desa", "Pengelola"]),
        partners=rng.choice(["Pemerintah desa", "PKK desa", "Karang Taruna", ""]),
        participants_female=women,
        participants_male=men,
        participants_children=children,
        participants_youth=youth,
        participants_adults=total - children - youth - elderly,
        participants_elderly=elderly,
        participants_disability=rng.randint(0, 2),
        participants_low_income=rng.randint(0, total // 3),
        volunteers=rng.randint(1, 5),
        cost=cost,
        funding_source=rng.choice([FundingSource.VILLAGE, FundingSource.COMMUNITY])
        if cost
        else FundingSource.NONE,
        outcome=outcome,
        status=status,
        published_at=timezone.now() if status == Status.PUBLISHED else None,
        review=review,
        review_comment=comment,
        created_by=author,
    )


def load_demo_records(manager):
    """Reports and activities for the demo libraries; `manager` is the demo library manager.
    A bulk loader: it writes the rows directly, not through the services, and rebuilds the
    dashboard's summaries once at the end."""
    libraries = list(Library.objects.filter(region__code__inside="16").order_by("region_id", "pk"))
    manager_library = manager.roles.filter(library__isnull=False).first().library
    loaded = (
        load_demo_reports(libraries, manager_library),
        load_demo_activities(libraries, manager_library, author=manager),
    )
    summaries.rebuild()
    return loaded
