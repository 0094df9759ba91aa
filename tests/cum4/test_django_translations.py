"""Django's own messages in Vietnamese: its catalog where it has one, ours where it lacks one
(issue 16, item 9)."""

from __future__ import annotations

from pathlib import Path

import django
import polib
import pytest
from django.utils import translation

pytestmark = pytest.mark.django_db

DJANGO = Path(django.__file__).parent
CATALOGS = ("contrib/auth", "contrib/admin", "contrib/contenttypes", "contrib/sessions", "conf")
# What a person of the cluster never reads: language names, Django's developer pages, views
# the project does not use, and the CSRF page's long explanations for browser settings.
NOT_SHOWN = (
    "conf/global_settings.py",
    "views/templates/",
    "views/generic/",
    "views/static.py",
    "contrib/admin/templates/registration/password_reset",
)
SAME_IN_VIETNAMESE = {
    "IPv4", "IPv6", "…", "%(truncated_text)s…", "%(class_name)s %(instance)s", ":?.!", ":", ", ",
    "%(size)d byte", "%s KB", "%s MB", "%s GB", "%s TB", "%s PB",
}


def _shown_entries():
    for catalog in CATALOGS:
        for entry in polib.pofile(DJANGO / catalog / "locale/en/LC_MESSAGES/django.po"):
            where = entry.occurrences[0][0] if entry.occurrences else ""
            if entry.msgid in SAME_IN_VIETNAMESE or where.startswith(NOT_SHOWN):
                continue
            if where == "views/csrf.py" and len(entry.msgid) > 60:
                continue
            yield entry


def test_every_django_message_a_person_can_see_is_in_vietnamese():
    untranslated = []
    with translation.override("vi"):
        for entry in _shown_entries():
            if entry.msgid_plural:
                text = (
                    translation.npgettext(entry.msgctxt, entry.msgid, entry.msgid_plural, 1)
                    if entry.msgctxt
                    else translation.ngettext(entry.msgid, entry.msgid_plural, 1)
                )
            elif entry.msgctxt:
                text = translation.pgettext(entry.msgctxt, entry.msgid)
            else:
                text = translation.gettext(entry.msgid)
            if text == entry.msgid:
                untranslated.append(f"{entry.occurrences[:1]} {entry.msgid!r}")
    assert not untranslated, "\n".join(untranslated)


def test_it_tells_a_too_short_password_in_vietnamese(client_for, staff_laichau):
    from cum4.demo import DEMO_PASSWORD

    response = client_for(staff_laichau).post(
        "/accounts/password/",
        {"old_password": DEMO_PASSWORD, "new_password1": "Xq7!", "new_password2": "Xq7!"},
    )
    assert "Mật khẩu quá ngắn. Mật khẩu phải có ít nhất 8 ký tự." in response.content.decode()
