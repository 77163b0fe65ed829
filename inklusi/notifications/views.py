from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from inklusi.accounts.scope import Scope

from . import kinds, services
from .forms import EmailSettingsForm
from .models import Notification


@login_required
@require_safe
def inbox(request):
    rows = Notification.objects.for_user(request.user).select_related("actor")
    unread_only = request.GET.get("belum") == "1"
    if unread_only:
        rows = rows.unread()
    page = Paginator(rows, 30).get_page(request.GET.get("page"))
    for notification in page:
        notification.whatsapp = services.whatsapp_link(
            request.user.phone, f"{notification.title} {services.absolute(notification.url)}"
        )
    return render(
        request,
        "notifications/inbox.html",
        {
            "page": page,
            "unread_only": unread_only,
            "unread": services.unread_count(request.user),
        },
    )


@login_required
@require_safe
def badge(request):
    """The menu's count, asked for by htmx after each page loads and every minute after."""
    return render(
        request,
        "notifications/_badge.html",
        {"unread": services.unread_count(request.user), "polled": True},
    )


@login_required
@require_safe
def open_notification(request, pk):
    """Marks the notification read and goes where it points."""
    notification = get_object_or_404(Notification.objects.for_user(request.user), pk=pk)
    services.mark_read(request.user, notification)
    target = notification.url
    if not url_has_allowed_host_and_scheme(target, allowed_hosts=None):
        target = ""
    return redirect(target or "notifications:inbox")


@login_required
@require_POST
def mark_all_read(request):
    services.mark_read(request.user)
    messages.success(request, _("All notifications are marked as read."))
    return redirect("notifications:inbox")


@login_required
@require_http_methods(["GET", "POST"])
def email_settings(request):
    current = services.settings_of(request.user)
    form = EmailSettingsForm.for_settings(
        current, data=request.POST if request.method == "POST" else None
    )
    if request.method == "POST" and form.is_valid():
        services.save_settings(request.user, form.cleaned_data["delivery"], form.muted_kinds())
        messages.success(request, _("Your notification settings are saved."))
        return redirect("notifications:settings")
    return render(request, "notifications/settings.html", {"form": form})


@csrf_exempt  # the signed token is the credential; mail clients POST here without a session
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """GET asks to confirm (mail scanners follow links), POST unsubscribes: the button on that
    page, or a mail client's one-click `List-Unsubscribe-Post`."""
    found = services.read_unsubscribe_token(token)
    if found is None:
        raise Http404
    user = get_object_or_404(get_user_model(), pk=found[0])
    kind = found[1]
    done = request.method == "POST"
    if done:
        services.unsubscribe(user, kind)
    return render(
        request,
        "notifications/unsubscribe.html",
        {"kind_label": kinds.label(kind), "done": done, "email": user.email},
    )


@login_required
@require_http_methods(["GET", "POST"])
def failures(request):
    """E-mails that could not be sent after every try: for the national admin."""
    Scope.requiring(request.user, "is_national")
    if request.method == "POST":
        chosen = request.POST.getlist("notification")
        count = services.send_again([int(pk) for pk in chosen if pk.isdigit()] or None)
        messages.success(request, _("%(count)s e-mails will be sent again.") % {"count": count})
        return redirect("notifications:failures")
    page = Paginator(
        services.failures().select_related("recipient").order_by("-created_at", "-pk"), 50
    ).get_page(request.GET.get("page"))
    return render(request, "notifications/failures.html", {"page": page})
