from django.utils.translation import gettext as _

from .models import Library


def library_rows(libraries):
    """Header and one row per library, with region codes and names at every level."""
    field = Library._meta.get_field
    headers = [
        "ID",
        field("name").verbose_name,
        field("kind").verbose_name,
        field("npp").verbose_name,
        field("status").verbose_name,
        field("cohort_year").verbose_name,
        *region_headers(),
        field("address").verbose_name,
        field("latitude").verbose_name,
        field("longitude").verbose_name,
        field("opening_hours").verbose_name,
        field("whatsapp").verbose_name,
        field("email").verbose_name,
        field("website").verbose_name,
        field("facebook").verbose_name,
        field("instagram").verbose_name,
        field("youtube").verbose_name,
        field("tiktok").verbose_name,
        _("Last changed"),
    ]

    def rows():
        qs = libraries.select_related("region__parent__parent__parent").order_by(
            "region_id", "name"
        )
        for lib in qs.iterator(chunk_size=2000):
            yield [
                lib.pk,
                lib.name,
                lib.get_kind_display(),
                lib.npp or "",
                lib.get_status_display(),
                lib.cohort_year,
                *region_columns(lib.region),
                lib.address,
                lib.latitude,
                lib.longitude,
                lib.opening_hours,
                lib.whatsapp,
                lib.email,
                lib.website,
                lib.facebook,
                lib.instagram,
                lib.youtube,
                lib.tiktok,
                lib.updated_at,
            ]

    return headers, rows()


def region_headers():
    return [_("Province"), _("Regency/city"), _("District"), _("Village code"), _("Village")]


def region_columns(region):
    """Province, regency and district as "code name", then the village code and name; the
    levels above `region` are found through its parents (select them with the rows)."""
    lineage = {}
    while region is not None:
        lineage[region.level] = region
        region = region.parent
    village = lineage.get(4)
    return [
        _label(lineage.get(1)),
        _label(lineage.get(2)),
        _label(lineage.get(3)),
        village.code if village else "",
        village.name if village else "",
    ]


def _label(region):
    return f"{region.code} {region.name}" if region else ""
