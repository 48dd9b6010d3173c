"""Settings for the Arabic news archive.

Everything a deployment changes comes from the environment; the defaults give a
working laptop set-up (SQLite and a Whoosh index under var/) with nothing to edit.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"


def env_bool(name, default=False):
    value = os.getenv(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.getenv(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", default=False)

# A development key is only acceptable while DEBUG is on; production must set SECRET_KEY.
SECRET_KEY = os.getenv("SECRET_KEY") or (
    "dev-only-insecure-key-set-SECRET_KEY-in-production" if DEBUG else ""
)
if not SECRET_KEY:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured(
        "SECRET_KEY is not set. Export SECRET_KEY, or DJANGO_DEBUG=1 for local development."
    )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django_filters",
    "axes",
    "articles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "articles.middleware.SecurityHeadersMiddleware",
    "articles.middleware.DatabaseUnavailableMiddleware",
    # After the middleware that add headers, so that its 400 gets them all.
    "articles.middleware.TooManyParametersMiddleware",
    # Last, as django-axes requires: it turns a refused login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "newsarchive.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "newsarchive.wsgi.application"

if not os.getenv("DATABASE_URL"):
    # The laptop default keeps its SQLite file in var/, which a fresh clone does not have.
    VAR_DIR.mkdir(exist_ok=True)
DATABASES = {
    "default": dj_database_url.parse(
        os.getenv("DATABASE_URL", f"sqlite:///{VAR_DIR / 'newsarchive.sqlite3'}"),
        conn_max_age=int(os.getenv("DATABASE_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web server read while an import writes; the busy timeout makes a
    # second writer wait instead of failing at once with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 30,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
        }
    )
    DATABASES["default"]["CONN_MAX_AGE"] = 0

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The search backend (articles.search_backends): "whoosh", an index folder (the default),
# or "postgres", tsvector columns in the archive's own PostgreSQL database.
NEWSARCHIVE_SEARCH_BACKEND = os.getenv("NEWSARCHIVE_SEARCH_BACKEND", "whoosh")
# The Whoosh index lives beside the database by default.
NEWSARCHIVE_INDEX_DIR = Path(os.getenv("NEWSARCHIVE_INDEX_DIR", str(VAR_DIR / "index")))
# Seconds a writer waits for the index lock before giving up with a clear error.
NEWSARCHIVE_INDEX_LOCK_TIMEOUT = float(os.getenv("NEWSARCHIVE_INDEX_LOCK_TIMEOUT", "30"))
# Seconds a search may run before it returns what it found, flagged as partial.
NEWSARCHIVE_SEARCH_TIME_LIMIT = float(os.getenv("NEWSARCHIVE_SEARCH_TIME_LIMIT", "2.0"))
# Rows a CSV export from the web may hold. A larger search is refused, with the command
# that exports it on the server (manage.py export_search); the limit keeps an export well
# inside a worker's timeout (docs/interface.md has the time per row).
NEWSARCHIVE_EXPORT_MAX_ROWS = int(os.getenv("NEWSARCHIVE_EXPORT_MAX_ROWS", "10000"))
# Update the index when an article is saved or deleted (after the transaction commits).
NEWSARCHIVE_AUTO_INDEX = env_bool("NEWSARCHIVE_AUTO_INDEX", default=True)

# Admin login throttling (django-axes; README "Admin logins"). Failures are counted per
# username *and* address: locking the username alone would let anyone lock every editor
# out from everywhere; locking the address alone, everyone behind one office's address.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # refuses a locked pair before any password check
    "django.contrib.auth.backends.ModelBackend",
]
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_FAILURE_LIMIT = int(os.getenv("NEWSARCHIVE_LOGIN_FAILURE_LIMIT", "5"))
# 0 keeps a locked pair locked until an operator resets it.
_login_cool_off = float(os.getenv("NEWSARCHIVE_LOGIN_COOL_OFF_MINUTES", "30"))
AXES_COOLOFF_TIME = timedelta(minutes=_login_cool_off) if _login_cool_off > 0 else None
if AXES_FAILURE_LIMIT < 1 or _login_cool_off < 0:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured(
        "NEWSARCHIVE_LOGIN_FAILURE_LIMIT must be at least 1 and "
        "NEWSARCHIVE_LOGIN_COOL_OFF_MINUTES at least 0."
    )
# A successful login forgets that pair's earlier typos; an attempt while locked starts the
# cool-off again (the lockout page says so).
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = True
AXES_LOCKOUT_CALLABLE = "newsarchive.login_throttle.locked_out_page"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "ar"
LANGUAGES = [("ar", "العربية")]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Dates as the corpus writes them (24 نوفمبر 2026): see newsarchive/formats/ar/formats.py.
FORMAT_MODULE_PATH = ["newsarchive.formats"]
TIME_ZONE = os.getenv("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.getenv("STATIC_ROOT", str(VAR_DIR / "staticfiles")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Security: safe defaults everywhere, HTTPS-only behaviour behind settings because a
# laptop serves plain HTTP.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", default=not DEBUG)
SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", default=not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = int(os.getenv("DJANGO_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", default=False)
if env_bool("DJANGO_BEHIND_PROXY"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    # Every request then comes from the proxy's address; the client's is the one the
    # proxy appended to X-Forwarded-For, which login throttling must count.
    AXES_CLIENT_IP_CALLABLE = "newsarchive.login_throttle.forwarded_client_address"
# No inline script anywhere in the templates, so the policy can forbid it.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'"
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.getenv("LOG_LEVEL", "WARNING")},
}
