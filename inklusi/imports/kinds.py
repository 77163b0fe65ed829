"""What can be imported: the library registry, monthly reports and past activities.

Each kind names its template's columns, who may import it, how a row finds its stored record
by its natural key (a library by its code, the NPP; a report by library and month; an activity
by library, date and title), and which service saves the rows. Looking up is done for all rows
at once (one query per lookup), the rules are the models' own `clean()`, and the writes are
the services' bulk variants, so an import keeps every rule a form keeps.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from inklusi.activities.models import Activity, Category
from inklusi.activities.services import save_activities
from inklusi.core.funding import FundingSource
from inklusi.libraries.models import Kind, Library, Status
from inklusi.libraries.services import save_libraries
from inklusi.libraries.validators import normalize_npp
from inklusi.regions.models import Region
from inklusi.reports.models import MonthlyReport
from inklusi.reports.services import save_reports

from . import columns as parse
from .columns import Column

LIBRARY_CODE = "Kode perpustakaan (NPP)"
EXAMPLE_NPP = "1607101002"


class RowError(Exception):
    def __init__(self, column, message):
        super().__init__(message)
        self.column, self.message = column, message


def library_code(value):
    try:
        return normalize_npp(parse.text(value))
    except ValidationError as error:
        raise ValueError(error.messages[0]) from None


class ImportKind:
    key = ""
    label = ""
    columns = ()
    # Foreign keys the kind looks up itself (full_clean would ask the database once a row).
    looked_up = ()

    def allowed(self, scope):
        return scope.can_edit

    @property
    def fields(self):
        return [column.field for column in self.columns]

    def example(self):
        return {column.header: column.example for column in self.columns}

    def lookups(self, rows, scope):
        """What the rows refer to, fetched once: {name: {key: object}}."""
        return {}

    def record(self, values, found, scope):
        """(the record with the row's values, or a stored one changed by them; the stored
        record's values before, or None for a new one). RowError for a row that cannot be."""
        raise NotImplementedError

    def natural_key(self, record):
        raise NotImplementedError

    def save(self, records, user):
        raise NotImplementedError


def _assign(record, values, fields):
    """Fill the fields the row gives; an empty cell keeps what is stored (or the default)."""
    for name in fields:
        if values.get(name) is not None:
            setattr(record, name, values[name])


def _snapshot(record, fields):
    """The stored values (foreign keys as ids, so nothing is fetched)."""
    meta = record._meta
    return {name: getattr(record, meta.get_field(name).attname) for name in fields}


def _codes(rows, field):
    codes = set()
    for values in rows:
        if values.get(field):
            codes.add(values[field])
    return codes


def _libraries_by_code(rows, scope):
    """The libraries the rows name that the user edits, by code; others stay unknown, so a
    row cannot tell whether a library outside the scope exists."""
    libraries = Library.objects.filter(npp__in=_codes(rows, "library"))
    return {lib.npp: lib for lib in libraries if scope.edits_library(lib)}


def _library_of(values, found):
    library = found["libraries"].get(values["library"])
    if library is None:
        raise RowError(LIBRARY_CODE, _("No library with this code in your area."))
    return library


class Libraries(ImportKind):
    key = "perpustakaan"
    label = gettext_lazy("Library registry")
    columns = (
        Column(
            LIBRARY_CODE,
            "npp",
            library_code,
            True,
            EXAMPLE_NPP,
            gettext_lazy("The library's NPP: 6 to 20 letters and digits. It finds the library."),
        ),
        Column("Nama", "name", parse.text, True, "Perpustakaan Desa Air Batu"),
        Column(
            "Jenis",
            "kind",
            parse.choice(Kind),
            True,
            Kind.VILLAGE.value,
        ),
        Column(
            "Kode wilayah",
            "region",
            parse.text,
            True,
            "16.07.10.1002",
            gettext_lazy("The Kemendagri code of the village, district, regency or province."),
        ),
        Column("Alamat", "address", parse.text, False, "Jl. Poros Desa No. 1"),
        Column("Lintang", "latitude", parse.decimal, False, "-2.9761"),
        Column("Bujur", "longitude", parse.decimal, False, "104.7754"),
        Column("WhatsApp", "whatsapp", parse.text, False, "081234567890"),
        Column("E-mail", "email", parse.text, False, "perpusdes@example.id"),
        Column(
            "Status program",
            "status",
            parse.choice(Status),
            False,
            Status.BENEFICIARY.value,
        ),
        Column("Bergabung sejak", "joined_on", parse.date, False, "2024-01-15"),
        Column("Tahun kohort", "cohort_year", parse.integer, False, "2024"),
    )
    looked_up = ("region",)

    def allowed(self, scope):
        return scope.can_create_libraries

    def lookups(self, rows, scope):
        return {
            "libraries": Library.objects.in_bulk(_codes(rows, "npp"), field_name="npp"),
            "regions": Region.objects.in_bulk(_codes(rows, "region")),
        }

    def record(self, values, found, scope):
        stored = found["libraries"].get(values["npp"])
        if stored is not None and not scope.edits_library(stored):
            raise RowError(LIBRARY_CODE, _("This library is outside your area."))
        region = found["regions"].get(values["region"])
        if region is None:
            raise RowError("Kode wilayah", _("Unknown region code."))
        if not scope.edits_region(region.code):
            raise RowError("Kode wilayah", _("This region is outside your area."))
        library = stored or Library()
        before = _snapshot(library, self.fields) if stored else None
        _assign(library, {**values, "region": region}, self.fields)
        return library, before

    def natural_key(self, record):
        return record.npp

    def save(self, records, user):
        save_libraries(records, self.fields, user=user)


FIGURES = (
    ("Hari buka", "open_days", "22"),
    ("Pengunjung perempuan", "visitors_female", "140"),
    ("Pengunjung laki-laki", "visitors_male", "120"),
    ("Anggota baru", "new_members", "8"),
    ("Jumlah anggota", "total_members", "310"),
    ("Peminjaman buku", "loans", "95"),
    ("Pengguna komputer", "computer_users", "40"),
    ("Pengguna internet", "internet_users", "55"),
)


# The first column of the reports and the activities: which library, by its NPP.
LIBRARY_COLUMN = Column(
    LIBRARY_CODE,
    "library",
    library_code,
    True,
    EXAMPLE_NPP,
    gettext_lazy("The library's NPP, as in the registry."),
)


class Reports(ImportKind):
    key = "laporan"
    label = gettext_lazy("Monthly reports")
    columns = (
        LIBRARY_COLUMN,
        Column(
            "Bulan",
            "month",
            parse.month,
            True,
            "2025-03",
            gettext_lazy("Year and month, such as 2025-03. One row per library and month."),
        ),
        *(
            Column(header, field, parse.integer, False, example)
            for header, field, example in FIGURES
        ),
        Column("Catatan", "notes", parse.text, False, ""),
    )
    looked_up = ("library",)

    def lookups(self, rows, scope):
        libraries = _libraries_by_code(rows, scope)
        stored = MonthlyReport.objects.filter(
            library__in=[lib.pk for lib in libraries.values()], month__in=_codes(rows, "month")
        )
        return {
            "libraries": libraries,
            "reports": {(report.library_id, report.month): report for report in stored},
        }

    def record(self, values, found, scope):
        library = _library_of(values, found)
        stored = found["reports"].get((library.pk, values["month"]))
        report = stored or MonthlyReport(library=library, month=values["month"])
        report.library = library
        before = _snapshot(report, self.fields) if stored else None
        _assign(report, values, self.fields[2:])
        return report, before

    def natural_key(self, record):
        return (record.library_id, record.month)

    def save(self, records, user):
        save_reports(records, user, self.fields[2:])


PARTICIPANTS = (
    ("Peserta perempuan", "participants_female", "12"),
    ("Peserta laki-laki", "participants_male", "9"),
    ("Peserta anak (0-12)", "participants_children", "10"),
    ("Peserta remaja (13-24)", "participants_youth", "5"),
    ("Peserta dewasa (25-59)", "participants_adults", "5"),
    ("Peserta lansia (60+)", "participants_elderly", "1"),
    ("Peserta penyandang disabilitas", "participants_disability", "1"),
    ("Peserta dari keluarga prasejahtera", "participants_low_income", "4"),
    ("Peserta putus sekolah", "participants_out_of_school", "0"),
    ("Relawan", "volunteers", "2"),
)


def _categories():
    found = {}
    for category in Category.objects.all():
        for name in (category.slug, category.name_id, category.name_en):
            found[name.casefold()] = category
    return found


class Activities(ImportKind):
    key = "kegiatan"
    label = gettext_lazy("Past activities")
    columns = (
        LIBRARY_COLUMN,
        Column(
            "Tanggal",
            "starts_on",
            parse.date,
            True,
            "2025-03-07",
            gettext_lazy(
                "The day it took place (year-month-day). Library, date and title find it."
            ),
        ),
        Column("Judul", "title", parse.text, True, "Mendongeng untuk anak"),
        Column(
            "Kategori",
            "category",
            parse.text,
            True,
            "literacy",
            gettext_lazy("The category's name or code, as in the activity form."),
        ),
        Column("Sampai tanggal", "ends_on", parse.date, False, ""),
        Column("Tempat", "place", parse.text, False, "Balai desa"),
        Column("Uraian", "description", parse.text, False, ""),
        *(
            Column(header, field, parse.integer, False, example)
            for header, field, example in PARTICIPANTS
        ),
        Column("Biaya (Rp)", "cost", parse.money, False, "150000"),
        Column(
            "Sumber dana",
            "funding_source",
            parse.choice(FundingSource),
            False,
            FundingSource.VILLAGE.value,
        ),
        Column("Hasil", "outcome", parse.text, False, ""),
        Column("Tindak lanjut", "follow_up", parse.text, False, ""),
    )
    looked_up = ("library", "category")

    def lookups(self, rows, scope):
        libraries = _libraries_by_code(rows, scope)
        days = _codes(rows, "starts_on")
        stored = Activity.objects.filter(
            library__in=[lib.pk for lib in libraries.values()], starts_on__in=days
        ).select_related("library", "category")
        return {
            "libraries": libraries,
            "categories": _categories(),
            "activities": {self.natural_key(activity): activity for activity in stored},
        }

    def record(self, values, found, scope):
        library = _library_of(values, found)
        category = found["categories"].get(values["category"].casefold())
        if category is None:
            raise RowError("Kategori", _("Unknown category."))
        key = (library.pk, values["starts_on"], values["title"].casefold())
        stored = found["activities"].get(key)
        activity = stored or Activity(library=library)
        before = _snapshot(activity, self.fields) if stored else None
        _assign(activity, {**values, "library": library, "category": category}, self.fields)
        return activity, before

    def natural_key(self, record):
        return (record.library_id, record.starts_on, record.title.casefold())

    def save(self, records, user):
        save_activities(records, user, self.fields, publish=True)


KINDS = {kind.key: kind for kind in (Libraries(), Reports(), Activities())}


def allowed_kinds(scope):
    return [kind for kind in KINDS.values() if kind.allowed(scope)]
