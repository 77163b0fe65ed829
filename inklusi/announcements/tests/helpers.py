from inklusi.accounts.scope import Scope
from inklusi.announcements import services
from inklusi.announcements.models import Announcement


def announce(author, region=None, **fields):
    """An announcement posted by `author` as the create page posts it."""
    fields.setdefault("title", "Rapat koordinasi bulanan")
    fields.setdefault("body", "Rapat koordinasi hari Senin pukul 09.00 di Dinas Perpustakaan.")
    announcement = Announcement(author=author, region=region, **fields)
    services.post(announcement, Scope(author))
    return announcement
