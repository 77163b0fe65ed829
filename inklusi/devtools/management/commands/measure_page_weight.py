from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.test import Client

from inklusi.accounts.models import User
from inklusi.accounts.twofactor import force_login_verified
from inklusi.devtools.pageweight import page_weight


class Command(BaseCommand):
    help = (
        "Print what pages cost on first load (HTML + linked CSS and JS, gzip-compressed). "
        "Example: measure_page_weight /kegiatan/baru/ --as pengelola@inklusi.id"
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+")
        parser.add_argument("--as", dest="email", help="log in as this user first")

    def handle(self, *args, paths, email, **options):
        client = Client(HTTP_HOST=settings.ALLOWED_HOSTS[0])
        if email:
            user = User.objects.filter(email=email).first()
            if user is None:
                raise CommandError(f"No user {email}")
            force_login_verified(client, user)
        for path in paths:
            try:
                weight = page_weight(client, path)
            except RuntimeError as error:
                raise CommandError(str(error)) from error
            self.stdout.write(path)
            for name, raw, compressed in weight.parts:
                self.stdout.write(
                    f"  {name:<50} {raw / 1024:>8.1f} KB {compressed / 1024:>7.1f} KB"
                )
            self.stdout.write(
                f"  {'total (raw, gzip)':<50} {weight.raw / 1024:>8.1f} KB "
                f"{weight.compressed / 1024:>7.1f} KB"
            )
