"""The demo inbox: every demo login has something under the bell, no e-mail is sent, and a
second load adds nothing."""

from django.core import mail

from inklusi.accounts.models import User
from inklusi.devtools.demo import load_demo
from inklusi.devtools.demo_notifications import load_demo_notifications
from inklusi.devtools.demo_partners import load_demo_partners
from inklusi.notifications.models import EmailState, Notification
from inklusi.regions.loading import load_regions


def test_demo_inbox_is_filled_once_without_email(db, django_capture_on_commit_callbacks):
    load_regions()
    load_demo()
    load_demo_partners()
    with django_capture_on_commit_callbacks(execute=True):
        added = load_demo_notifications()
        assert load_demo_notifications() == 0
    assert added == Notification.objects.count() >= 8
    assert mail.outbox == []
    assert not Notification.objects.exclude(email=EmailState.NONE).exists()
    for user in User.objects.filter(email__endswith="@inklusi.id"):
        assert Notification.objects.filter(recipient=user).exists(), user.email
    kinds = set(Notification.objects.values_list("kind", flat=True))
    assert {"announcement", "export_ready", "agreement_ending"} <= kinds
