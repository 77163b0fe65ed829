"""Demo partners, agreements, contributions and advocacy meetings for Sumatera Selatan.

Called by `load_demo` after the libraries and activities exist. Dates follow today's date (an
agreement ends within 90 days, a follow-up is overdue); running it again adds nothing, since
each record is looked up by its partner and name, not by its date.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from inklusi.accounts.models import User
from inklusi.activities.models import Activity
from inklusi.advocacy.models import AdvocacyMeeting, CounterpartKind
from inklusi.core.funding import FundingSource
from inklusi.libraries.models import Kind, Library, Status
from inklusi.partners.models import (
    Agreement,
    AgreementKind,
    AgreementStatus,
    Contribution,
    ContributionKind,
    Partner,
    PartnerContact,
    PartnerKind,
)

BANYUASIN, PALEMBANG = "16.07", "16.71"
COORDINATOR = "banyuasin@inklusi.id"


def _days(n):
    return timezone.localdate() + datetime.timedelta(days=n)


def _partner(name, libraries, contacts=(), **fields):
    partner, _ = Partner.objects.get_or_create(name=name, defaults=fields)
    partner.libraries.add(*[library for library in libraries if library])
    for contact in contacts:
        PartnerContact.objects.get_or_create(partner=partner, name=contact[0], defaults=contact[1])
    return partner


def _contribution(partner, library, description, activity_category=None, **fields):
    if library is None:
        return
    if activity_category:
        fields["activity"] = (
            Activity.objects.published()
            .filter(library=library, category__slug=activity_category)
            .order_by("-starts_on")
            .first()
        )
    Contribution.objects.get_or_create(
        partner=partner, library=library, description=description, defaults=fields
    )


@transaction.atomic
def load_demo_partners():
    """Create the demo records that are missing; returns (partners, meetings) created or found."""
    regency_library = Library.objects.filter(region_id=BANYUASIN, kind=Kind.REGENCY).first()
    palembang_library = Library.objects.filter(region_id=PALEMBANG, kind=Kind.REGENCY).first()
    villages = list(
        Library.objects.filter(
            kind=Kind.VILLAGE, region__code__inside=BANYUASIN, status=Status.BENEFICIARY
        ).order_by("region_id")
    )
    if not villages or regency_library is None:
        raise RuntimeError("Load the demo libraries first (inklusi.devtools.demo.load_demo).")
    home = villages[0]  # the demo manager's library (see inklusi/devtools/demo.py)
    other = villages[1] if len(villages) > 1 else None
    village = home.region
    coordinator = User.objects.filter(email=COORDINATOR).first()

    bank = _partner(
        "Bank Sumsel Babel (CSR)",
        [home, regency_library, palembang_library],
        [("Rina Apriani", {"position": "Staf CSR", "phone": "0711 123456"})],
        kind=PartnerKind.COMPANY,
        sector="Perbankan",
        region_id="16",
        address="Jl. Gubernur H. A. Bastari No. 7, Palembang",
        website="https://www.banksumselbabel.com",
        created_by=coordinator,
    )
    unsri = _partner(
        "Universitas Sriwijaya",
        [home, other],
        [("Dr. Hendra Saputra", {"position": "Koordinator KKN", "email": "kkn@unsri.ac.id"})],
        kind=PartnerKind.UNIVERSITY,
        sector="Pendidikan",
        region_id=PALEMBANG,
        website="https://www.unsri.ac.id",
        created_by=coordinator,
    )
    village_government = _partner(
        f"Pemerintah Desa {village.name}",
        [home],
        [("Sukardi", {"position": "Kepala Desa", "phone": "0812 7000 1001"})],
        kind=PartnerKind.VILLAGE_GOVERNMENT,
        sector="Pemerintahan desa",
        region=village,
        address=f"Kantor Desa {village.name}",
        created_by=coordinator,
    )
    farmers = _partner(
        "Kelompok Tani Maju Bersama",
        [home],
        [("Pak Darmawan", {"position": "Ketua", "phone": "0813 6000 2002"})],
        kind=PartnerKind.COMMUNITY,
        sector="Pertanian",
        region=village,
        created_by=coordinator,
    )
    telecom = _partner(
        "PT Telkom Indonesia Witel Sumsel",
        [home, other],
        kind=PartnerKind.COMPANY,
        sector="Telekomunikasi",
        region_id="16",
        created_by=coordinator,
    )
    newspaper = _partner(
        "Sumatera Ekspres",
        [regency_library],
        kind=PartnerKind.MEDIA,
        sector="Surat kabar",
        region_id=PALEMBANG,
        created_by=coordinator,
    )

    Agreement.objects.get_or_create(
        partner=bank,
        title="MoU Pojok Baca Digital dan Literasi Keuangan",
        defaults={
            "kind": AgreementKind.MOU,
            "parties": "Dinas Perpustakaan Kabupaten Banyuasin dan Bank Sumsel Babel",
            "scope": "Pojok baca digital dan pelatihan literasi keuangan di perpustakaan desa.",
            "starts_on": _days(-650),
            "ends_on": _days(45),
            "status": AgreementStatus.ACTIVE,
        },
    )
    Agreement.objects.get_or_create(
        partner=unsri,
        title="PKS KKN Tematik Literasi Desa",
        defaults={
            "kind": AgreementKind.PKS,
            "library": home,
            "parties": f"Perpustakaan Desa {village.name} dan Universitas Sriwijaya",
            "scope": "Mahasiswa KKN mendampingi kelas membaca dan pelatihan komputer.",
            "starts_on": _days(-200),
            "ends_on": _days(530),
            "status": AgreementStatus.ACTIVE,
        },
    )
    Agreement.objects.get_or_create(
        partner=telecom,
        title="PKS Akses Internet Perpustakaan Desa",
        defaults={
            "kind": AgreementKind.PKS,
            "parties": "Dinas Perpustakaan Kabupaten Banyuasin dan Telkom Witel Sumsel",
            "starts_on": _days(-760),
            "ends_on": _days(-30),
            "status": AgreementStatus.ENDED,
        },
    )

    _contribution(
        bank,
        home,
        "Dana CSR untuk pojok baca digital",
        "digital",
        kind=ContributionKind.CASH,
        value=25_000_000,
        given_on=_days(-120),
    )
    _contribution(
        bank,
        regency_library,
        "Paket 300 buku literasi keuangan",
        kind=ContributionKind.BOOKS,
        value=18_000_000,
        is_estimate=True,
        given_on=_days(-300),
    )
    _contribution(
        unsri,
        home,
        "Empat mahasiswa KKN sebagai pelatih komputer",
        "digital",
        kind=ContributionKind.TRAINERS,
        value=6_000_000,
        is_estimate=True,
        given_on=_days(-60),
    )
    _contribution(
        village_government,
        home,
        "Balai desa untuk pelatihan keterampilan",
        "economy",
        kind=ContributionKind.VENUE,
        value=1_500_000,
        is_estimate=True,
        given_on=_days(-90),
    )
    _contribution(
        village_government,
        home,
        "Dana Desa untuk pengadaan buku anak",
        kind=ContributionKind.CASH,
        value=10_000_000,
        given_on=_days(-200),
    )
    _contribution(
        farmers,
        home,
        "Bibit lele dan ember untuk praktik budidaya",
        "agriculture",
        kind=ContributionKind.GOODS,
        value=2_250_000,
        is_estimate=True,
        given_on=_days(-150),
    )
    _contribution(
        telecom,
        home,
        "Internet 20 Mbps selama 12 bulan",
        kind=ContributionKind.INTERNET,
        value=4_200_000,
        is_estimate=True,
        given_on=_days(-400),
    )
    _contribution(
        newspaper,
        regency_library,
        "Liputan kegiatan perpustakaan desa",
        kind=ContributionKind.OTHER,
        value=0,
        given_on=_days(-45),
    )

    meetings = [
        (
            {"region_id": BANYUASIN, "counterpart_name": "Bappeda Kabupaten Banyuasin"},
            {
                "met_on": _days(-75),
                "counterpart_kind": CounterpartKind.BAPPEDA,
                "attendees": "Kepala Bidang Pembangunan Manusia Bappeda; Kepala Dinas "
                "Perpustakaan Kabupaten Banyuasin; koordinator TPBIS kabupaten",
                "topic": "Anggaran pemeliharaan perpustakaan desa TPBIS",
                "asked": "Anggaran APBD untuk pemeliharaan komputer dan internet di 30 "
                "perpustakaan desa penerima TPBIS.",
                "asked_amount": 450_000_000,
                "committed": "Usulan masuk RKPD tahun depan; tahap pertama untuk 10 desa.",
                "committed_amount": 150_000_000,
                "commitment_source": FundingSource.REGENCY,
                "follow_up_on": _days(-10),
            },
        ),
        (
            {"library": home, "counterpart_name": f"Musyawarah Desa {village.name}"},
            {
                "met_on": _days(-40),
                "counterpart_kind": CounterpartKind.MUSDES,
                "attendees": f"Kepala Desa {village.name}; Ketua BPD; pengelola perpustakaan",
                "topic": "Dana Desa untuk perpustakaan desa",
                "asked": "Dana Desa untuk buku anak dan pelatihan keterampilan ibu-ibu PKK.",
                "asked_amount": 25_000_000,
                "committed": "Rp 15.000.000 dari Dana Desa tahun ini untuk buku dan pelatihan.",
                "committed_amount": 15_000_000,
                "commitment_source": FundingSource.VILLAGE,
                "follow_up_on": _days(20),
            },
        ),
        (
            {"region_id": BANYUASIN, "counterpart_name": "Komisi IV DPRD Kabupaten Banyuasin"},
            {
                "met_on": _days(-160),
                "counterpart_kind": CounterpartKind.DPRD,
                "topic": "Rancangan perda penyelenggaraan perpustakaan",
                "asked": "Dukungan perda penyelenggaraan perpustakaan desa.",
                "follow_up_on": _days(-120),
                "follow_up_done": True,
                "outcome": "Masuk daftar Propemperda tahun depan.",
            },
        ),
        (
            {"region_id": PALEMBANG, "counterpart_name": "Bappeda Kota Palembang"},
            {
                "met_on": _days(-30),
                "counterpart_kind": CounterpartKind.BAPPEDA,
                "topic": "Perpustakaan kelurahan sebagai pusat belajar",
                "asked": "Anggaran pelatihan pengelola perpustakaan kelurahan.",
                "committed": "Pelatihan pengelola dalam APBD perubahan.",
                "committed_amount": 50_000_000,
                "commitment_source": FundingSource.REGENCY,
                "follow_up_on": _days(30),
            },
        ),
    ]
    for lookup, fields in meetings:
        AdvocacyMeeting.objects.get_or_create(
            **lookup, defaults={**fields, "created_by": coordinator}
        )
    return len([bank, unsri, village_government, farmers, telecom, newspaper]), len(meetings)
