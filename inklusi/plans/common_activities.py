"""The template of common TPBIS activities: a need, the activity answering it and its budget.

The texts are plan content, written in Indonesian like the plans themselves; the manager edits
them to fit the village. Prices are typical of a village in South Sumatra; the evidence is a
hint of what to write, to be replaced by the library's own figure.
"""

from decimal import Decimal

from inklusi.core.funding import FundingSource

from .models import BudgetLine, EvidenceKind, Need, PlanActivity

VILLAGE, REGENCY, PARTNER, COMMUNITY = (
    FundingSource.VILLAGE,
    FundingSource.REGENCY,
    FundingSource.PARTNER,
    FundingSource.COMMUNITY,
)

COMMON = [
    {
        "key": "digital",
        "problem": "Banyak warga belum bisa memakai komputer dan internet",
        "need": "Pelatihan dasar komputer, surel dan mencari informasi di internet",
        "evidence_kind": EvidenceKind.REPORTS,
        "evidence": "Pengguna komputer per bulan menurut laporan bulanan (isi angkanya)",
        "title": "Pelatihan literasi digital untuk warga",
        "description": "Empat pertemuan: mengenal komputer, surel, mencari informasi, aman di "
        "internet.",
        "target_group": "Pemuda dan ibu rumah tangga",
        "target_size": 20,
        "month": 3,
        "person_in_charge": "Pengelola perpustakaan",
        "expected_result": "Peserta dapat membuat surel dan mencari informasi sendiri.",
        "measure": "Jumlah peserta yang lulus praktik akhir; pengguna komputer di laporan bulanan.",
        "lines": [
            ("Honor narasumber", "4", "pertemuan", 300_000, VILLAGE),
            ("Konsumsi peserta", "80", "orang-kali", 15_000, VILLAGE),
            ("Paket kuota internet", "4", "bulan", 150_000, VILLAGE),
            ("Modul pelatihan (fotokopi)", "20", "eksemplar", 10_000, COMMUNITY),
        ],
    },
    {
        "key": "children_reading",
        "problem": "Minat baca anak rendah dan buku anak sedikit",
        "need": "Kegiatan membaca rutin untuk anak dan tambahan buku cerita",
        "evidence_kind": EvidenceKind.SURVEY,
        "evidence": "Survei orang tua: berapa anak yang membaca di rumah (isi hasilnya)",
        "title": "Kelas membaca dan mendongeng untuk anak",
        "description": "Setiap Sabtu: membaca nyaring, mendongeng dan meminjam buku.",
        "target_group": "Anak usia 5–12 tahun",
        "target_size": 30,
        "month": 2,
        "person_in_charge": "Relawan perpustakaan",
        "expected_result": "Anak datang rutin dan meminjam buku setiap minggu.",
        "measure": "Jumlah pinjaman buku anak per bulan.",
        "lines": [
            ("Buku cerita anak", "50", "eksemplar", 45_000, VILLAGE),
            ("Tikar dan rak buku pendek", "1", "paket", 1_250_000, VILLAGE),
            ("Konsumsi anak", "120", "orang-kali", 5_000, COMMUNITY),
        ],
    },
    {
        "key": "livelihood",
        "problem": "Hasil kebun dijual mentah dengan harga murah",
        "need": "Keterampilan mengolah hasil kebun dan memasarkannya",
        "evidence_kind": EvidenceKind.MEETING,
        "evidence": "Usulan warga dalam musyawarah dusun (isi tanggalnya)",
        "title": "Pelatihan olahan pangan dan kemasan",
        "description": "Praktik membuat keripik dan kemasan berlabel, dengan buku resep dari "
        "perpustakaan.",
        "target_group": "Kelompok PKK dan wanita tani",
        "target_size": 25,
        "month": 5,
        "person_in_charge": "Pengelola perpustakaan bersama PKK",
        "expected_result": "Lima kelompok menjual produk olahan berlabel.",
        "measure": "Jumlah kelompok yang berjualan tiga bulan setelah pelatihan.",
        "lines": [
            ("Honor pelatih", "2", "hari", 500_000, REGENCY),
            ("Bahan praktik", "1", "paket", 1_500_000, VILLAGE),
            ("Alat pengemas (sealer)", "1", "unit", 850_000, PARTNER),
            ("Konsumsi peserta", "50", "orang-kali", 20_000, VILLAGE),
        ],
    },
    {
        "key": "online_selling",
        "problem": "Usaha kecil desa belum memasarkan produk secara daring",
        "need": "Pendampingan berjualan lewat media sosial dan lokapasar",
        "evidence_kind": EvidenceKind.MEETING,
        "evidence": "Pendataan UMKM oleh pemerintah desa (isi jumlahnya)",
        "title": "Pendampingan pemasaran daring untuk UMKM",
        "description": "Tiga pertemuan: foto produk dengan ponsel, akun toko, melayani pembeli.",
        "target_group": "Pelaku usaha kecil desa",
        "target_size": 15,
        "month": 7,
        "person_in_charge": "Pengelola perpustakaan",
        "expected_result": "Pelaku usaha memiliki toko daring yang aktif.",
        "measure": "Jumlah toko daring aktif dan pesanan pertama.",
        "lines": [
            ("Honor narasumber", "3", "pertemuan", 350_000, PARTNER),
            ("Konsumsi peserta", "45", "orang-kali", 15_000, VILLAGE),
            ("Paket kuota internet peserta", "15", "orang", 50_000, VILLAGE),
        ],
    },
    {
        "key": "outreach",
        "problem": "Warga belum tahu layanan yang ada di perpustakaan",
        "need": "Pengenalan layanan perpustakaan kepada warga",
        "evidence_kind": EvidenceKind.REPORTS,
        "evidence": "Pengunjung per bulan menurut laporan bulanan (isi angkanya)",
        "title": "Sosialisasi layanan perpustakaan di posyandu dan pengajian",
        "description": "Pojok baca keliling dan pengenalan layanan di kegiatan warga.",
        "target_group": "Warga desa",
        "target_size": 100,
        "month": 8,
        "person_in_charge": "Relawan perpustakaan",
        "expected_result": "Lebih banyak warga berkunjung dan menjadi anggota.",
        "measure": "Anggota baru dan pengunjung per bulan di laporan bulanan.",
        "lines": [
            ("Cetak brosur layanan", "200", "lembar", 2_500, VILLAGE),
            ("Spanduk", "2", "buah", 175_000, VILLAGE),
            ("Transportasi relawan", "6", "kali", 50_000, COMMUNITY),
        ],
    },
]
BY_KEY = {entry["key"]: entry for entry in COMMON}


def choices():
    return [(entry["key"], entry["title"]) for entry in COMMON]


def fill(plan, keys=()):
    """Add the chosen template entries (all if none is named) to the plan."""
    chosen = [BY_KEY[key] for key in keys if key in BY_KEY] or COMMON
    for position, entry in enumerate(chosen):
        need = Need.objects.create(
            plan=plan,
            position=position,
            **{k: entry[k] for k in ("problem", "need", "evidence_kind", "evidence")},
        )
        activity = PlanActivity.objects.create(
            plan=plan,
            position=position,
            **{
                k: entry[k]
                for k in (
                    "title",
                    "description",
                    "target_group",
                    "target_size",
                    "month",
                    "person_in_charge",
                    "expected_result",
                    "measure",
                )
            },
        )
        activity.needs.add(need)
        for number, (item, quantity, unit, price, source) in enumerate(entry["lines"]):
            BudgetLine.objects.create(
                activity=activity,
                item=item,
                quantity=Decimal(quantity),
                unit=unit,
                unit_price=price,
                source=source,
                position=number,
            )
