"""Every file a signed-in person downloads is written to the access log.

A response is a download when it is sent as an attachment (`Content-Disposition: attachment`):
the staff register, evidence files, workbooks, reports, the admin's exports. Recording it here,
rather than in each view, covers every app's download views, and the ones added later.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from cum4.audit.models import AccessRecord
from cum4.audit.services import access_record

_FILENAME = re.compile(r'filename\*?=(?:UTF-8\'\')?"?([^";]+)"?', re.I)


def _filename(disposition: str) -> str:
    match = _FILENAME.search(disposition)
    return match.group(1) if match else ""


class AccessLogMiddleware:
    """After the authentication: records each attachment served to a signed-in person."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        disposition = response.get("Content-Disposition", "")
        if (
            response.status_code == 200
            and disposition.lower().startswith("attachment")
            and request.user.is_authenticated
        ):
            admin = request.path.startswith("/admin/")
            access_record(
                user=request.user,
                action=AccessRecord.Action.EXPORT if admin else AccessRecord.Action.DOWNLOAD,
                what=_filename(disposition) or request.path,
                request=request,
            )
        return response
