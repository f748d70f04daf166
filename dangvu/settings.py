"""Settings for dangvu. Everything that differs between machines comes from the environment."""

import datetime
import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("DANGVU_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


DEBUG = env_bool("DEBUG", False)
DEV = bool(os.environ.get("DANGVU_DEV"))
# Production defaults (TLS, HSTS, proxy header) apply when neither DEBUG nor DANGVU_DEV is on.
PRODUCTION = not DEBUG and not DEV
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if DEBUG or DEV:
        SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"
    else:
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off (see README, Production).")
ALLOWED_HOSTS = [h.strip() for h in os.environ.get("ALLOWED_HOSTS", "localhost,127.0.0.1").split(",") if h.strip()]
CSRF_TRUSTED_ORIGINS = [o.strip() for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "axes",
    "csp",
    "treebeard",
    "simple_history",
    # Shared parts: helpers and the screen kit, accounts and the access policy, the working calendar.
    "dangvu.lib",
    "dangvu.accounts",
    "dangvu.workcalendar",
    # Registry: the tree of organizations, members and their events, cadres, the admission pipeline.
    "dangvu.organizations",
    "dangvu.members",
    "dangvu.cadres",
    "dangvu.candidates",
    # Work records: what committees and cells do.
    "dangvu.meetings",
    "dangvu.ratings",
    "dangvu.inspections",
    "dangvu.documents",
    "dangvu.education",
    "dangvu.massorgs",
    # Reporting: one indicator registry, targets of the congress resolution, the dashboard, reports, the checker.
    "dangvu.indicators",
    "dangvu.targets",
    "dangvu.dashboard",
    "dangvu.reports",
    "dangvu.checker",
    "dangvu.dues",
    "dangvu.votes",
    # The member portal (Sổ tay đảng viên) and the notifications every role receives.
    "dangvu.portal",
    "dangvu.notifications",
    # Exchange: imports and exports, backups, the REST API; and the demo data set.
    "dangvu.exchange",
    "dangvu.api",
    "dangvu.demo",
]
# Apps under development can be switched on per environment (comma-separated).
INSTALLED_APPS += [a.strip() for a in os.environ.get("DANGVU_EXTRA_APPS", "").split(",") if a.strip()]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "dangvu.middleware.IdleSessionMiddleware",
    "dangvu.middleware.NoStoreForSignedInMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a lockout flagged during authentication into the lockout answer.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "dangvu.urls"
WSGI_APPLICATION = "dangvu.wsgi.application"

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
                "dangvu.lib.nav.nav_items",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'dangvu.sqlite3'}"),
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    if "DATABASE_URL" not in os.environ:
        VAR_DIR.mkdir(parents=True, exist_ok=True)
    # WAL lets readers run beside the one writer; busy_timeout avoids "database is locked" under load.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;",
        "transaction_mode": "IMMEDIATE",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0 if DATABASES["default"]["NAME"] == ":memory:" else 60
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # PostgreSQL's JIT compiles each large aggregate first (50-250 ms a query, measured at country size), more
    # than it saves on the indicator queries: about 1 s of the 13 s of a country-wide year.
    options = DATABASES["default"].setdefault("OPTIONS", {})
    options["options"] = " ".join(filter(None, [options.get("options", ""), "-c jit=off"]))

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "accounts:login"

# django-axes checks every authenticate() call (login page, admin, API token) before the model backend.
# Axes first (it counts and locks failures); then usernames; then a member's card number or phone (issue 17).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "dangvu.accounts.backends.CardOrPhoneBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "dangvu.accounts.passwords.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "vi"
# Vietnamese only: users' browsers often ask for English, but every screen must be in Vietnamese.
LANGUAGES = [("vi", _("Vietnamese"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True
FORMAT_MODULE_PATH = ["dangvu.formats"]

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", PRODUCTION)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
# Idle timeout: the session lives SESSION_IDLE_MINUTES after the last request (dangvu.middleware.IdleSessionMiddleware
# slides its expiry forward, writing the session at most once a minute).
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_IDLE_MINUTES", "30")) * 60

# --- Login throttling (django-axes) ---------------------------------------------------------------
# A username tried from one address is locked after LOGIN_FAILURE_LIMIT failures, and so is an address
# (every username from it) unless LOGIN_LOCK_BY_IP is off; the lock lifts LOGIN_COOLOFF_MINUTES after the
# last failure, or when committee staff unlock it (accounts:lockouts).
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(os.environ.get("LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]] + (["ip_address"] if env_bool("LOGIN_LOCK_BY_IP", True) else [])
AXES_LOCKOUT_CALLABLE = "dangvu.accounts.lockouts.lockout_response"
# Behind a proxy every request comes from the proxy: read the client's address from the header the proxy sets.
_client_ip_header = os.environ.get("CLIENT_IP_HEADER", "").strip()
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ("HTTP_" + _client_ip_header.upper().replace("-", "_"), "REMOTE_ADDR") if _client_ip_header else ("REMOTE_ADDR",)
)

# --- HTTPS behind a TLS proxy, security headers ---------------------------------------------------
_proxy_header = os.environ.get("SECURE_PROXY_SSL_HEADER", "X-Forwarded-Proto" if PRODUCTION else "").strip()
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_" + _proxy_header.upper().replace("-", "_"), "https")
    if _proxy_header and _proxy_header.lower() not in {"0", "off", "false", "no"}
    else None
)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", PRODUCTION)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(365 * 24 * 3600) if PRODUCTION else "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", PRODUCTION)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", PRODUCTION)
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Every script and style is a file of the app (no inline <script>, no on* attributes, no CDN). Inline style
# attributes stay allowed: the progress bars and the tree's indentation are computed widths; with
# img-src/connect-src limited to the app, CSS in an attribute cannot carry data away.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "style-src-attr": [UNSAFE_INLINE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# Browser features the app never uses are switched off for it and for anything it could embed.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "encrypted-media",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "screen-wake-lock",
        "usb",
        "xr-spatial-tracking",
    )
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# The party document format (RULES.md §7): the place on the place-date line, the body above the
# issuing committee, and the report margins in millimetres (handbook values, unconfirmed).
DANGVU_PLACE = os.environ.get("DANGVU_PLACE", "Kiên Giang")
DANGVU_HIGHER_BODY = os.environ.get("DANGVU_HIGHER_BODY", "ĐẢNG BỘ TỈNH KIÊN GIANG")
DANGVU_REPORT_MARGINS_MM = {"top": 25, "bottom": 25, "left": 35, "right": 15}

# --- Accounts for every member (issue 17 point 1, dangvu/accounts/activation.py) -------------------------
# An activation code is valid this many days after it is issued.
DANGVU_ACTIVATION_CODE_DAYS = int(os.environ.get("DANGVU_ACTIVATION_CODE_DAYS", "30"))
# Refused activations allowed per code or identity number, and per address, within the lock window (minutes).
DANGVU_ACTIVATION_FAILURE_LIMIT = int(os.environ.get("DANGVU_ACTIVATION_FAILURE_LIMIT", "5"))
DANGVU_ACTIVATION_ADDRESS_FAILURE_LIMIT = int(os.environ.get("DANGVU_ACTIVATION_ADDRESS_FAILURE_LIMIT", "20"))
DANGVU_ACTIVATION_LOCK_MINUTES = int(os.environ.get("DANGVU_ACTIVATION_LOCK_MINUTES", "15"))
# The denominator of portal.accounts_activated_pct (RULES.md §6d): full and probationary members at the period's
# end, less the members exempted from party activities ("exclude_exempted", on by default) and the members of
# organizations of the kinds or codes listed (e.g. the army and police cells some provinces leave out).
DANGVU_ACTIVATION_DENOMINATOR = {
    "exclude_exempted": env_bool("DANGVU_ACTIVATION_EXCLUDE_EXEMPTED", True),
    "exclude_kinds": [k for k in os.environ.get("DANGVU_ACTIVATION_EXCLUDE_KINDS", "").split(",") if k],
    "exclude_codes": [c for c in os.environ.get("DANGVU_ACTIVATION_EXCLUDE_CODES", "").split(",") if c],
}

# Members per page on list screens.
PAGE_SIZE = 50
# The most rows a list screen exports at once (lib.screens); a longer list asks for narrower filters.
EXPORT_MAX_ROWS = int(os.environ.get("DANGVU_EXPORT_MAX_ROWS", "20000"))

# --- Party dues (issue 18; RULES.md §6, docs/dues.md): what is unconfirmed is a setting ---------------------
DANGVU_DUES_2026_START = os.environ.get("DANGVU_DUES_2026_START", "2026-02-01")  # QĐ 01: 01/02 or 03/02/2026
DANGVU_DUES_QD342_AMOUNTS = {  # QĐ 342: set by the province within 2,000-30,000 đ
    "student": int(os.environ.get("DANGVU_DUES_QD342_STUDENT", "3000")),
    "other": int(os.environ.get("DANGVU_DUES_QD342_OTHER", "5000")),
}
DANGVU_DUES_CELL_SHARE = int(os.environ.get("DANGVU_DUES_CELL_SHARE", "30"))  # % a cell keeps (30-50)
DANGVU_DUES_SUB_COMMITTEE_SHARE = int(os.environ.get("DANGVU_DUES_SUB_COMMITTEE_SHARE", "0"))
DANGVU_DUES_EXEMPTIONS = env_bool("DANGVU_DUES_EXEMPTIONS", False)
DANGVU_DUES_REDUCTIONS = env_bool("DANGVU_DUES_REDUCTIONS", False)
DANGVU_DUES_ADVANCE_MONTHS = int(os.environ.get("DANGVU_DUES_ADVANCE_MONTHS", "12"))

# --- Data exchange and REST API (issue 7) ---------------------------------------------------------
INSTALLED_APPS += ["rest_framework", "knox", "drf_spectacular", "django_tasks", "django_tasks_db"]
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "knox.auth.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "dangvu.api.pagination.Pagination",
    "PAGE_SIZE": PAGE_SIZE,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DATE_INPUT_FORMATS": ["iso-8601", "%d/%m/%Y"],
}
SPECTACULAR_SETTINGS = {
    "TITLE": "dangvu API",
    "DESCRIPTION": "Organizations, party members and their events, limited to the caller's part of the tree.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    # The schema maps the whole API: only signed-in callers (session or token) read it.
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "OrganizationKindEnum": "dangvu.organizations.models.OrganizationKind",
        "EventKindEnum": "dangvu.members.models.EventKind",
    },
}
# API tokens (django-rest-knox): stored as SHA-512 digests, expiring API_TOKEN_TTL_HOURS after they are issued,
# deleted when the user's password changes (api/signals.py).
REST_KNOX = {
    "TOKEN_TTL": datetime.timedelta(hours=int(os.environ.get("API_TOKEN_TTL_HOURS", "10"))),
    "AUTH_HEADER_PREFIX": "Token",
}
# Large imports run in the background: `manage.py db_worker` executes the queued tasks.
TASKS = {"default": {"BACKEND": os.environ.get("DANGVU_TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}
# A background job writes a heartbeat every DANGVU_JOB_HEARTBEAT_SECONDS while it runs; one silent for
# DANGVU_JOB_STALE_SECONDS (its worker died) is marked failed and can be retried. On SQLite a job cannot
# beat while it holds the write lock, so the stale limit must exceed the longest import or compilation.
DANGVU_JOB_HEARTBEAT_SECONDS = int(os.environ.get("DANGVU_JOB_HEARTBEAT_SECONDS", "30"))
DANGVU_JOB_STALE_SECONDS = int(os.environ.get("DANGVU_JOB_STALE_SECONDS", "600"))
# Uploaded import files (personal data) are deleted when imported, and by `manage.py purge_uploads`
# (daily from cron) once older than this many days.
DANGVU_UPLOAD_RETENTION_DAYS = int(os.environ.get("DANGVU_UPLOAD_RETENTION_DAYS", "7"))

# --- Files from outside (lib/untrusted_files.py, docs/security.md) ----------------------------------
# Every uploaded or command-line file is inspected against these limits before it is parsed, and parsed in a
# child process with DANGVU_FILE_MEMORY_LIMIT_MB of address space and DANGVU_FILE_TIME_LIMIT_S seconds.
DANGVU_FILE_MEMORY_LIMIT_MB = int(os.environ.get("DANGVU_FILE_MEMORY_LIMIT_MB", "512"))
DANGVU_FILE_TIME_LIMIT_S = int(os.environ.get("DANGVU_FILE_TIME_LIMIT_S", "60"))
DANGVU_FILE_MAX_ZIP_ENTRIES = int(os.environ.get("DANGVU_FILE_MAX_ZIP_ENTRIES", "5000"))
DANGVU_FILE_MAX_UNCOMPRESSED_MB = int(os.environ.get("DANGVU_FILE_MAX_UNCOMPRESSED_MB", "500"))
DANGVU_FILE_MAX_ZIP_RATIO = int(os.environ.get("DANGVU_FILE_MAX_ZIP_RATIO", "100"))
DANGVU_FILE_MAX_SHEET_CELLS = int(os.environ.get("DANGVU_FILE_MAX_SHEET_CELLS", "20000000"))
DANGVU_FILE_MAX_CELL_CHARS = int(os.environ.get("DANGVU_FILE_MAX_CELL_CHARS", "32767"))
DANGVU_FILE_MAX_PDF_PAGES = int(os.environ.get("DANGVU_FILE_MAX_PDF_PAGES", "500"))
DANGVU_FILE_MAX_PDF_STREAM_MB = int(os.environ.get("DANGVU_FILE_MAX_PDF_STREAM_MB", "128"))
DANGVU_FILE_MAX_IMAGE_PIXELS = int(os.environ.get("DANGVU_FILE_MAX_IMAGE_PIXELS", "40000000"))

# E-mail (notifications). The console in development; SMTP (or any backend) from the environment in production.
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend" if DEV or DEBUG else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "20"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "dangvu <no-reply@localhost>")
# A failed e-mail is tried again by the next runs of send_reminders, this many times in all.
NOTIFICATIONS_MAX_ATTEMPTS = int(os.environ.get("NOTIFICATIONS_MAX_ATTEMPTS", "5"))
# send_reminders without --on also runs the days it missed since its last run (cron down), at most this many.
NOTIFICATIONS_CATCH_UP_DAYS = int(os.environ.get("NOTIFICATIONS_CATCH_UP_DAYS", "3"))
# Notifications (and digests) created, sent to no channel yet after this long (a run that died): sent again.
NOTIFICATIONS_STALE_MINUTES = int(os.environ.get("NOTIFICATIONS_STALE_MINUTES", "60"))
# The absolute address of the site, for links in e-mails (e.g. https://dangvu.example.vn).
SITE_URL = os.environ.get("SITE_URL", "")
