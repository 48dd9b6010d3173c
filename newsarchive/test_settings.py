"""Settings for the test suite: the real settings with test-only secrets and fast hashing."""

import os
import tempfile

os.environ.setdefault("SECRET_KEY", "test-only-secret-key-not-for-production-use-0123456789")
os.environ.setdefault("DJANGO_DEBUG", "0")

from newsarchive.settings import *  # noqa: E402,F401,F403
from newsarchive.settings import STORAGES  # noqa: E402

# Each test run gets its own index folder; tests that index use a fresh one per test.
NEWSARCHIVE_INDEX_DIR = Path(tempfile.mkdtemp(prefix="newsarchive-test-index-"))  # noqa: F405
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
SECURE_SSL_REDIRECT = False
# Static files come from the finders in tests; no collectstatic folder is needed.
STATIC_ROOT = Path(tempfile.mkdtemp(prefix="newsarchive-test-static-"))  # noqa: F405
WHITENOISE_USE_FINDERS = True
