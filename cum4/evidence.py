"""Checks on evidence files, shared by every upload (scores, movement responses, pledges):
size (settings.EVIDENCE_MAX_BYTES), extension AND content.

The content is sniffed from the first bytes (and, for Office Open XML / OpenDocument, the zip
directory), so a renamed executable or script is refused even with a ".pdf" name.
"""

from __future__ import annotations

import mimetypes
import zipfile
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from cum4.formatting import vn_number

PDF, IMAGE_PNG, IMAGE_JPEG, IMAGE_GIF, OLE, OOXML, ODF = (
    "pdf", "png", "jpeg", "gif", "ole", "ooxml", "odf",
)
# extension → the content kind it must have
ALLOWED: dict[str, str] = {
    "pdf": PDF,
    "png": IMAGE_PNG,
    "jpg": IMAGE_JPEG,
    "jpeg": IMAGE_JPEG,
    "gif": IMAGE_GIF,
    "doc": OLE,
    "xls": OLE,
    "ppt": OLE,
    "docx": OOXML,
    "xlsx": OOXML,
    "pptx": OOXML,
    "odt": ODF,
    "ods": ODF,
    "odp": ODF,
}
MAGIC = {
    PDF: (b"%PDF-",),
    IMAGE_PNG: (b"\x89PNG\r\n\x1a\n",),
    IMAGE_JPEG: (b"\xff\xd8\xff",),
    IMAGE_GIF: (b"GIF87a", b"GIF89a"),
    OLE: (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",),
}


def _sniff_zip(upload: UploadedFile) -> str | None:
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError):
        return None
    finally:
        upload.seek(0)
    if "[Content_Types].xml" in names:
        return OOXML
    if "mimetype" in names:
        return ODF
    return None


def sniff(upload: UploadedFile) -> str | None:
    """The kind of content the file really holds, from its bytes (None: not one we accept)."""
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    for kind, prefixes in MAGIC.items():
        if head.startswith(prefixes):
            return kind
    if head.startswith(b"PK\x03\x04"):
        return _sniff_zip(upload)
    return None


def validate_evidence(upload: UploadedFile) -> None:
    """Raise a ValidationError with a Vietnamese message unless the file is acceptable."""
    limit = settings.EVIDENCE_MAX_BYTES
    name = PurePath(upload.name or "").name
    if upload.size > limit:
        raise ValidationError(
            _("The file %(name)s is %(size)s MB; evidence files may be at most %(limit)s MB.")
            % {
                "name": name,
                "size": vn_number(upload.size / 1024 / 1024, 1),
                "limit": vn_number(limit / 1024 / 1024, 1),
            },
            code="too_large",
        )
    extension = PurePath(name).suffix.lower().lstrip(".")
    expected = ALLOWED.get(extension)
    if expected is None:
        raise ValidationError(
            _("The file %(name)s is not accepted: evidence must be a PDF, an image (PNG, JPEG, "
              "GIF) or an Office document (Word, Excel, PowerPoint, OpenDocument).")
            % {"name": name},
            code="bad_type",
        )
    if sniff(upload) != expected:
        raise ValidationError(
            _("The content of %(name)s does not match its extension .%(ext)s; the file was "
              "refused. Save it again as a real .%(ext)s file and upload it.")
            % {"name": name, "ext": extension},
            code="bad_content",
        )


def evidence_content_type(upload: UploadedFile) -> str:
    """Validate the file (see `validate_evidence`) and return its content type for serving."""
    validate_evidence(upload)
    guessed, _encoding = mimetypes.guess_type(upload.name or "")
    return guessed or "application/octet-stream"
