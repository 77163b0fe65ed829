from django.utils.translation import gettext as _


def participant_table(rows):
    """Headers and rows of the participant list, grouped by regency (rows come sorted)."""
    headers = [
        _("Regency/city"),
        _("Library"),
        _("Name"),
        _("E-mail"),
        _("WhatsApp number"),
        _("Registered at"),
        _("Sessions attended"),
        _("Late"),
        _("Attendance (%)"),
        _("Pre-test"),
        _("Post-test"),
        _("Learning gain"),
        _("Certificate"),
        _("Action commitment"),
    ]
    table = []
    for row in rows:
        r = row.registration
        certificate = getattr(r, "certificate", None)
        table.append(
            [
                row.regency,
                r.library.name if r.library else "",
                r.user.full_name,
                r.user.email,
                r.user.phone,
                r.registered_at,
                row.attended,
                row.late,
                row.rate,
                row.pre,
                row.post,
                row.gain,
                certificate.number if certificate else "",
                r.commitment,
            ]
        )
    return headers, table
