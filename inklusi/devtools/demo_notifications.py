"""Demo inbox: the reminders that are due today in the demo province, made by the real
reminder code, plus a welcome announcement and a finished export, so every demo login opens
with something under the bell.

No e-mail leaves: the rows are marked "no e-mail" before the transaction commits. Running it
again adds nothing (reminders are sent once; the others are looked up by title).
"""

from django.db import transaction
from django.urls import reverse

from inklusi.accounts.models import User
from inklusi.notifications.models import EmailState, Notification
from inklusi.notifications.services import notify
from inklusi.reminders import services as reminders

ADMIN = "admin@inklusi.id"
WELCOME = "Selamat datang di Inklusi: notifikasi kini ada di lonceng"
WELCOME_BODY = (
    "Pengingat laporan, tindak lanjut advokasi, perjanjian yang akan berakhir dan sesi bimtek "
    "kini datang ke sini dan ke e-mail Anda. Atur e-mail mana yang Anda terima di Pengaturan "
    "notifikasi."
)


@transaction.atomic
def load_demo_notifications():
    """Returns how many notifications were added."""
    before = Notification.objects.count()
    reminders.send(reminders.due_reminders())
    admin = User.objects.get(email=ADMIN)
    everyone = User.objects.filter(email__endswith="@inklusi.id")
    welcomed = set(Notification.objects.filter(title=WELCOME).values_list("recipient", flat=True))
    notify(
        [user for user in everyone if user.pk not in welcomed],
        "announcement",
        WELCOME,
        reverse("notifications:settings"),
        actor=admin,
        body=WELCOME_BODY,
    )
    export_title = "Unduhan Anda sudah siap: pantauan-indonesia.xlsx"
    if not Notification.objects.filter(recipient=admin, title=export_title).exists():
        notify([admin], "export_ready", export_title, reverse("monitoring:nation"))
    Notification.objects.filter(email=EmailState.WAITING).update(email=EmailState.NONE)
    return Notification.objects.count() - before
