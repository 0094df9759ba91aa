"""WSGI entry point for gunicorn (see docker-compose.yml)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cum4.settings")

application = get_wsgi_application()
