"""The interface language: Vietnamese whatever the browser asks, English only when picked.

Django's LocaleMiddleware would follow the browser's Accept-Language (an English-language
browser got the whole interface in English). Here the signed-in person's choice is kept on
their profile (`User.language`); before signing in, the choice made on the login page is
kept in the language cookie; otherwise Vietnamese.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.middleware import get_user
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils import translation
from django.utils.functional import SimpleLazyObject, empty
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

_CODES = {code for code, _name in settings.LANGUAGES}


def language_of(request: HttpRequest) -> str:
    """The profile's language when signed in, else the cookie's, else LANGUAGE_CODE (vi).
    The user counts only once read (`_cached_user`): this never makes the query itself."""
    user = getattr(request, "_cached_user", None)
    chosen = ""
    if user is not None and user.is_authenticated:
        chosen = getattr(user, "language", "")
    if not chosen or chosen == settings.LANGUAGE_CODE:
        # the switch also sets the cookie: a choice made in this browser counts too
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "") or chosen
    return chosen if chosen in _CODES else settings.LANGUAGE_CODE


class UserLanguageMiddleware:
    """Activates `language_of(request)`; after the authentication middleware."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # The user is read when something first asks for it (the page cache reads its
        # snapshot before that): the profile's language is activated then.
        self._activate(request)
        original = request.user

        def resolve():
            user = original._wrapped if original._wrapped is not empty else get_user(request)
            self._activate(request)
            return user

        request.user = SimpleLazyObject(resolve)
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", translation.get_language())
        # Pages differ by the profile or the cookie, never by Accept-Language.
        return response

    @staticmethod
    def _activate(request: HttpRequest) -> None:
        language = language_of(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language


@login_not_required
@require_POST
def set_language(request: HttpRequest) -> HttpResponse:
    """The language switch of the menu: saved on the profile (and in the cookie, for the
    login page), then back to the page it was picked on."""
    language = request.POST.get("language", "")
    next_url = request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = "/"
    response = HttpResponseRedirect(next_url)
    if language not in _CODES:
        return response
    user = request.user
    if user.is_authenticated and user.language != language:
        from cum4.accounts.services import user_set_language

        user_set_language(user=user, language=language)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
    )
    return response
