"""Test settings: the real settings, with a throwaway secret and plain static storage."""

import os
import tempfile

os.environ.setdefault("SECRET_KEY", "tests-only-not-a-secret-" + "x" * 40)

from cum4.settings import *  # noqa: F403

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = tempfile.mkdtemp(prefix="cum4-test-media-")
SECURE_SSL_REDIRECT = False
LANGUAGE_CODE = "vi"
WHITENOISE_AUTOREFRESH = True  # tests do not run collectstatic
