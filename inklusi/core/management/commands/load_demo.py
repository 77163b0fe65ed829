from django.core.management.base import BaseCommand

from inklusi.accounts.models import Role
from inklusi.core.demo import DEMO_PASSWORD, load_demo


class Command(BaseCommand):
    help = "Load the demo province (Sumatera Selatan): libraries and one user for each role."

    def handle(self, *args, **options):
        libraries, users = load_demo()
        self.stdout.write(self.style.SUCCESS(f"Demo loaded: {len(libraries)} libraries."))
        self.stdout.write(f"Demo logins (password for all: {DEMO_PASSWORD}):")
        for email, name, role in users:
            self.stdout.write(f"  {email:26} {Role(role).label:26} {name}")
