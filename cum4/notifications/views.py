"""Pages of the notifications: the list (open, mark read, mark all read) and the e-mail
preference. Per person, so never served from the page cache."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cum4.notifications import selectors, services
from cum4.notifications.forms import InboxForm
from cum4.notifications.models import Notification

PAGE_SIZE = 30


def _get_notification_for_user(request: HttpRequest, pk: int) -> Notification:
    """The user's own notification; another person's is as absent as a missing one."""
    try:
        return Notification.objects.get(pk=pk, recipient=request.user)
    except Notification.DoesNotExist:
        raise Http404 from None


def notification_list(request: HttpRequest) -> HttpResponse:
    """The person's notifications, newest first, a page at a time."""
    page = Paginator(selectors.notifications_of(user=request.user), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "notifications/list.html", {"page_obj": page})


def notification_open(request: HttpRequest, pk: int) -> HttpResponse:
    """Open the thing a notification is about; it counts as read."""
    notification = _get_notification_for_user(request, pk)
    services.notification_mark_read(notification=notification, by=request.user)
    if notification.url and url_has_allowed_host_and_scheme(
        notification.url, allowed_hosts={request.get_host()}
    ):
        return redirect(notification.url)
    return redirect("notifications:list")


@require_POST
def notification_mark_read(request: HttpRequest, pk: int) -> HttpResponse:
    notification = _get_notification_for_user(request, pk)
    services.notification_mark_read(notification=notification, by=request.user)
    return redirect("notifications:list")


@require_POST
def notifications_mark_all_read(request: HttpRequest) -> HttpResponse:
    count = services.notifications_mark_all_read(by=request.user)
    if count:
        messages.success(request, _("All notifications are marked as read."))
    return redirect("notifications:list")


def notification_settings(request: HttpRequest) -> HttpResponse:
    """Whether the person's notifications are also e-mailed."""
    form = InboxForm(
        request.POST if request.method == "POST" else None,
        initial={"email_enabled": selectors.email_enabled(request.user)},
    )
    if request.method == "POST" and form.is_valid():
        services.inbox_update(user=request.user, email_enabled=form.cleaned_data["email_enabled"])
        messages.success(request, _("Your notification settings are saved."))
        return redirect("notifications:settings")
    return render(request, "notifications/settings.html", {"form": form})
