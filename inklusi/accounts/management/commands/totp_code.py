from django.core.management.base import BaseCommand, CommandError

from inklusi.accounts.models import User
from inklusi.accounts.twofactor import confirmed_device, current_code


class Command(BaseCommand):
    help = (
        "Print the current two-step sign-in code of a user's authenticator (the demo's national "
        "admin has a fixed demo key; see README, Demo logins)."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")

    def handle(self, *args, email, **options):
        user = User.objects.filter(email__iexact=email).first()
        if user is None:
            raise CommandError(f"No user {email}")
        device = confirmed_device(user)
        if device is None:
            raise CommandError(f"{email} has no authenticator set up")
        self.stdout.write(current_code(device))
