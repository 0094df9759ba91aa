"""The load test's users: 16 accounts of the cluster secretariat, bench01–bench16 (run by hand).

Sixteen people, not one account signed in sixteen times: pages kept per user
(cum4/page_cache.py) are rendered once for each of them, and again after every commit.
Idempotent; the password is the demo's.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/cum4_bench .venv/bin/python benchmarks/users.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cum4.settings")
os.environ.setdefault("SECRET_KEY", "benchmark-only-" + "x" * 40)

import django

django.setup()

from django.contrib.auth.hashers import make_password  # noqa: E402

from cum4.demo import DEMO_PASSWORD  # noqa: E402
from cum4.models import User  # noqa: E402

COUNT = 16
USERNAME = "bench{n:02d}"  # load.py's --user


def main() -> None:
    password = make_password(DEMO_PASSWORD)
    for n in range(1, COUNT + 1):
        User.objects.get_or_create(
            username=USERNAME.format(n=n),
            defaults={"full_name": f"Thư ký Cụm số {n:02d}", "role": User.Role.SECRETARIAT,
                      "password": password},
        )
    print(f"{COUNT} users of the secretariat: {USERNAME.format(n=1)}–{USERNAME.format(n=COUNT)}")


if __name__ == "__main__":
    main()
