"""Every msgid used in code and templates has a Vietnamese translation.

Extraction is pure Python (ast for code, Django's templatize for templates), so the test needs no
gettext tools; the catalog read is the compiled one Django uses at run time.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from django.utils import translation
from django.utils.translation import trans_real
from django.utils.translation.template import templatize

ROOT = Path(__file__).resolve().parents[2]
CODE_DIRS = ["cum4", "inspections", "complaints", "emulation"]
GETTEXT = {"_", "gettext", "gettext_lazy", "gettext_noop"}
NGETTEXT = {"ngettext", "ngettext_lazy"}
PGETTEXT = {"pgettext", "pgettext_lazy"}
_STR = r"""u?'(?:[^'\\]|\\.)*'|u?"(?:[^"\\]|\\.)*\""""
TEMPLATE_CALL = re.compile(rf"\b(n?p?gettext)\(\s*((?:{_STR})(?:\s*,\s*(?:{_STR}))*)")


def _key(func: str, args: list[str]) -> tuple | str:
    if func in NGETTEXT or func == "ngettext":
        return (args[0], 0)
    if func in PGETTEXT or func == "pgettext":
        return f"{args[0]}\x04{args[1]}"
    if func == "npgettext":
        return (f"{args[0]}\x04{args[1]}", 0)
    return args[0]


def _code_msgids() -> dict[object, str]:
    found: dict[object, str] = {}
    for folder in CODE_DIRS:
        for path in (ROOT / folder).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if not isinstance(node, ast.Call):
                    continue
                name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
                if name not in GETTEXT | NGETTEXT | PGETTEXT | {"npgettext"}:
                    continue
                args = [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
                if not args or (name in PGETTEXT and len(args) < 2):
                    continue
                found[_key(name, args)] = f"{path.relative_to(ROOT)}:{node.lineno}"
    return found


def _template_msgids() -> dict[object, str]:
    found: dict[object, str] = {}
    for path in (ROOT / "templates").rglob("*.html"):
        for match in TEMPLATE_CALL.finditer(templatize(path.read_text(encoding="utf-8"))):
            func = match.group(1)
            args = [ast.literal_eval(s.lstrip("u")) for s in re.findall(_STR, match.group(2))]
            found[_key(func, args)] = str(path.relative_to(ROOT))
    return found


def _catalog():
    trans_real._translations = {}  # read the .mo files as they are now
    return trans_real.translation("vi")._catalog


def test_it_finds_the_strings_it_checks():
    msgids = {**_code_msgids(), **_template_msgids()}
    assert "Log in" in msgids and "Reporting periods" in msgids
    assert len(msgids) > 50


def test_it_has_a_vietnamese_translation_for_every_msgid():
    catalog = _catalog()
    msgids = {**_code_msgids(), **_template_msgids()}
    missing = sorted(
        f"{where}: {key!r}" for key, where in msgids.items() if not catalog.get(key)
    )
    assert not missing, "msgids without a Vietnamese translation:\n" + "\n".join(missing)


def test_it_renders_the_shell_in_vietnamese_and_english(client):
    with translation.override("vi"):
        assert translation.gettext("Reporting periods") != "Reporting periods"
    # English only when picked (issue 15): the browser's Accept-Language does not choose it.
    response = client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="en")
    assert "Đăng nhập" in response.content.decode()
    client.post("/i18n/setlang/", {"language": "en", "next": "/accounts/login/"})
    response = client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="en")
    assert "Log in" in response.content.decode()
