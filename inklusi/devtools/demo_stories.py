"""Demo stories of change at every selection level, for the Sumatera Selatan demo.

Stories of the last complete quarter in Banyuasin and Palembang village libraries: each
regency chose some, the province chose among those, the nation one of the province's; and one
story of this quarter not chosen yet. Each story is looked up by its library and description,
so running it again adds nothing. Written through `stories.services`, as the pages write them.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from inklusi.accounts.models import User
from inklusi.accounts.scope import Scope
from inklusi.libraries.models import Kind, Library
from inklusi.stories import quarters, services
from inklusi.stories.models import Domain, Story

# regency, library index in the regency, domain, who, what changed, why it matters, quote,
# chosen by: regency, province, nation (their reasons; "" = not chosen there)
STORIES = [
    (
        "16.07",
        0,
        Domain.LIVELIHOOD,
        "Seorang ibu penjual kue basah, tiga anak",
        "Setelah ikut pelatihan pemasaran daring di perpustakaan desa, ia memotret kuenya dan "
        "menjualnya lewat grup WhatsApp desa. Pesanan naik dari 20 menjadi 80 potong sehari.",
        "Penghasilannya kini cukup untuk biaya sekolah anak-anaknya tanpa berutang.",
        "Dulu saya malu pakai HP, sekarang pelanggan yang datang mencari saya.",
        (
            "Perubahan penghasilan yang nyata dan terukur, ditiru tetangganya.",
            "Contoh terbaik bagaimana pelatihan perpustakaan menjadi usaha keluarga.",
            "Cerita yang paling jelas menunjukkan perpustakaan sebagai penggerak ekonomi desa.",
        ),
    ),
    (
        "16.07",
        1,
        Domain.LITERACY,
        "Seorang kakek petani karet yang dulu tidak bisa membaca",
        "Ia ikut kelas baca sore dua kali seminggu selama tiga bulan dan kini membaca sendiri "
        "label pupuk serta surat dari koperasi.",
        "Ia tidak lagi bergantung pada orang lain untuk membaca perjanjian jual karet.",
        "Sekarang saya tahu berapa harga yang tertulis.",
        (
            "Keaksaraan orang tua yang mengubah posisinya di hadapan tengkulak.",
            "Menunjukkan bahwa literasi dasar masih sangat dibutuhkan di desa.",
            "",
        ),
    ),
    (
        "16.07",
        2,
        Domain.DIGITAL,
        "Seorang pemuda lulusan SMA yang menganggur",
        "Ia belajar mengetik dan mengirim lamaran lewat surel di pojok komputer perpustakaan.",
        "Ia diterima bekerja sebagai operator di kantor kecamatan.",
        "",
        ("", "", ""),
    ),
    (
        "16.71",
        0,
        Domain.SOCIAL_INCLUSION,
        "Seorang penyandang disabilitas netra di kelurahan",
        "Perpustakaan menyediakan buku audio dan relawan pembaca; ia kini mengajar anak-anak "
        "mendongeng setiap Sabtu.",
        "Ia merasa diterima dan berperan di lingkungannya.",
        "Perpustakaan ini rumah kedua saya.",
        (
            "Inklusi sosial yang nyata: dari penerima layanan menjadi pemberi layanan.",
            "Teladan inklusi untuk perpustakaan kota dan kabupaten lain.",
            "",
        ),
    ),
    (
        "16.71",
        1,
        Domain.HEALTH,
        "Seorang kader posyandu",
        "Ia mencari bahan tentang gizi anak di perpustakaan dan membuat poster untuk posyandu.",
        "Ibu-ibu di RT-nya lebih paham menu bergizi untuk balita.",
        "",
        ("", "", ""),
    ),
]


@transaction.atomic
def load_demo_stories(today=None):
    """Create the demo stories and selections; returns how many stories exist in the demo."""
    today = today or timezone.localdate()
    last_quarter = quarters.shift(quarters.parse("", today), -1)
    recorded_at = timezone.make_aware(
        datetime.datetime.combine(last_quarter + datetime.timedelta(days=40), datetime.time(10))
    )
    manager = User.objects.get(email="pengelola@inklusi.id")
    choosers = {
        "16.07": User.objects.get(email="banyuasin@inklusi.id"),
        "16.71": User.objects.get(email="palembang@inklusi.id"),
        "16": User.objects.get(email="provinsi@inklusi.id"),
        services.NATION: User.objects.get(email="admin@inklusi.id"),
    }
    for regency, index, domain, who, changed, matters, quote, reasons in STORIES:
        library = _village_library(regency, index)
        story = Story.objects.filter(library=library, who=who).first()
        if story is None:
            story = services.record_story(
                Story(
                    library=library,
                    recorded_at=recorded_at,
                    domain=domain,
                    who=who,
                    what_changed=changed,
                    why_it_matters=matters,
                    quote=quote,
                ),
                manager,
            )
        for code, reason in zip((regency, "16", services.NATION), reasons, strict=True):
            place = services.place_of(code)
            if reason and not story.selections.filter(level=place.level).exists():
                chooser = choosers[code]
                services.choose(place, Scope(chooser), story, reason, chooser)
    # This quarter's first story, waiting for the regency's choice.
    library = _village_library("16.07", 0)
    who = "Seorang remaja putri yang putus sekolah"
    if not Story.objects.filter(library=library, who=who).exists():
        services.record_story(
            Story(
                library=library,
                recorded_at=timezone.make_aware(datetime.datetime.combine(today, datetime.time(9))),
                domain=Domain.LITERACY,
                who=who,
                what_changed="Ia ikut kelompok belajar paket C di perpustakaan setiap Minggu.",
                why_it_matters="Ia ingin melanjutkan ke sekolah perawat.",
            ),
            manager,
        )
    return Story.objects.count()


def _village_library(regency, index):
    return Library.objects.filter(kind=Kind.VILLAGE, region__code__inside=regency).order_by(
        "region_id"
    )[index]
