#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cum4.settings")
    # A bare shell on a developer's machine is a development run. Deployments set DEBUG=0 in
    # their environment (docker-compose.yml, .env), and gunicorn goes through wsgi.py, which
    # has no such default.
    os.environ.setdefault("DEBUG", "1")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
