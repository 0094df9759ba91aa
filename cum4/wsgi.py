"""WSGI entry point for gunicorn (see docker-compose.yml)."""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cum4.settings")

application = get_wsgi_application()

# What is loaded by now (Django, the apps, their modules) lives as long as the worker: keep it
# out of the collector's full passes, which otherwise stop the worker and every request in it
# for about 0,1 s each (benchmarks/README.md).
gc.freeze()
