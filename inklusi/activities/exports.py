from django.db.models import Count, Q
from django.utils.translation import gettext as _

from inklusi.core.exports import money
from inklusi.libraries.exports import region_columns, region_headers

from .models import AGE_FIELDS, GENDER_FIELDS, INCLUSION_FIELDS, SOCIAL_HOSTS, Activity

# Fields written as they are stored, in this order around the computed columns.
DESCRIPTION_FIELDS = ("place", "description", "facilitator", "partners")
COUNT_FIELDS = (*GENDER_FIELDS, *AGE_FIELDS, *INCLUSION_FIELDS, "volunteers")
RESULT_FIELDS = ("outcome", "follow_up", *SOCIAL_HOSTS)


def _name(field_name):
    return Activity._meta.get_field(field_name).verbose_name


def activity_rows(activities):
    """Header and one row per activity: every field, with region codes and names."""
    headers = [
        "ID",
        _name("title"),
        _name("category"),
        _name("starts_on"),
        _name("ends_on"),
        _("Library ID"),
        _name("library"),
        *region_headers(),
        *(_name(n) for n in DESCRIPTION_FIELDS),
        _("participants (total)"),
        *(_name(n) for n in COUNT_FIELDS),
        _name("cost"),
        _name("funding_source"),
        *(_name(n) for n in RESULT_FIELDS),
        _name("status"),
        _name("published_at"),
        _name("review"),
        _name("review_comment"),
        _("Verified or sent back by"),
        _("Verified or sent back at"),
        _("Photos"),
        _("Photos that may be published"),
        _("Recorded by"),
        _("Recorded at"),
        _("Last changed"),
    ]

    def rows():
        qs = (
            activities.select_related(
                "library__region__parent__parent__parent", "category", "created_by", "reviewed_by"
            )
            .annotate(
                photo_count=Count("photos"),
                public_photo_count=Count("photos", filter=Q(photos__consent_to_publish=True)),
            )
            .order_by("-starts_on", "-pk")
        )
        for a in qs.iterator(chunk_size=2000):
            yield [
                a.pk,
                a.title,
                str(a.category),
                a.starts_on,
                a.ends_on,
                a.library_id,
                a.library.name,
                *region_columns(a.library.region),
                *(getattr(a, n) for n in DESCRIPTION_FIELDS),
                a.participants_total,
                *(getattr(a, n) for n in COUNT_FIELDS),
                money(a.cost),
                a.get_funding_source_display(),
                *(getattr(a, n) for n in RESULT_FIELDS),
                a.get_status_display(),
                a.published_at,
                a.get_review_display(),
                a.review_comment,
                a.reviewed_by.full_name if a.reviewed_by else "",
                a.reviewed_at,
                a.photo_count,
                a.public_photo_count,
                a.created_by.full_name if a.created_by else "",
                a.created_at,
                a.updated_at,
            ]

    return headers, rows()
