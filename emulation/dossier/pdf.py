"""PDF copies through LibreOffice (`soffice --headless --convert-to pdf`), when installed.

All files of a dossier go through one LibreOffice start; a file whose bytes were converted
before is taken from the cache (a frozen component's Word file never changes)."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import tempfile
from pathlib import Path

from django.core.cache import cache

CACHE_SECONDS = 24 * 60 * 60


def soffice_path() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def _key(data: bytes) -> str:
    return "dossier-pdf:" + hashlib.sha256(data).hexdigest()


def to_pdf(files: dict[str, bytes]) -> dict[str, bytes] | None:
    """name.docx → PDF bytes for each file; None when LibreOffice is not installed. A file
    LibreOffice could not convert is left out."""
    binary = soffice_path()
    if binary is None:
        return None
    result: dict[str, bytes] = {}
    todo = {}
    for name, data in files.items():
        cached = cache.get(_key(data))
        if cached is not None:
            result[name] = cached
        else:
            todo[name] = data
    if todo:
        with tempfile.TemporaryDirectory(prefix="dossier-pdf-") as tmp:
            folder = Path(tmp)
            for name, data in todo.items():
                (folder / name).write_bytes(data)
            subprocess.run(
                [binary, f"-env:UserInstallation=file://{folder / 'profile'}", "--headless",
                 "--convert-to", "pdf", "--outdir", str(folder / "pdf"),
                 *[str(folder / name) for name in todo]],
                capture_output=True, timeout=300, check=False,
            )
            for name, data in todo.items():
                converted = folder / "pdf" / (Path(name).stem + ".pdf")
                if converted.exists():
                    result[name] = converted.read_bytes()
                    cache.set(_key(data), result[name], CACHE_SECONDS)
    return result
