"""Create (once) a development superuser and say how to log in.

Only with DEBUG on: a deployed archive gets its editors through `createsuperuser`, never
through a password printed on a terminal.
"""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

USERNAME = "editor"


class Command(BaseCommand):
    help = "Create a development-only superuser with a random password (DEBUG only)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            self.stdout.write(
                "DEBUG is off: create an editor with `python manage.py createsuperuser`."
            )
            return
        User = get_user_model()
        if User.objects.filter(username=USERNAME).exists():
            self.stdout.write(
                f"Admin: log in as '{USERNAME}' with the password printed when it was created, "
                f"or set a new one: python manage.py changepassword {USERNAME}"
            )
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser(USERNAME, email="", password=password)
        self.stdout.write(
            self.style.SUCCESS(
                f"Development admin created: user '{USERNAME}', password '{password}' "
                "(shown once; DEBUG only)."
            )
        )
