import mimetypes

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from inklusi.accounts.scope import Scope
from inklusi.core.documents import stored_file_response

from . import services
from .forms import AnnouncementForm
from .models import Announcement


def readable(request):
    """The announcements the user may open, each marked `unread` for them."""
    return (
        Announcement.objects.for_reader(request.user, Scope.of(request.user))
        .marked_unread(request.user)
        .select_related("author", "region")
    )


def get_announcement(request, pk):
    found = readable(request).filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


@login_required
@require_safe
def announcement_list(request):
    scope = Scope.of(request.user)
    announcements = readable(request).order_by("-unread", "-pinned", "-created_at", "-pk")
    if not scope.can_invite:
        announcements = announcements.current()
    page = Paginator(announcements, 20).get_page(request.GET.get("page"))
    return render(
        request,
        "announcements/list.html",
        {"page": page, "can_post": scope.can_invite},
    )


@login_required
@require_http_methods(["GET", "POST"])
def announcement_create(request):
    scope = Scope.requiring(request.user, "can_invite")
    announcement = Announcement(author=request.user)
    form = AnnouncementForm(
        request.POST or None, request.FILES or None, instance=announcement, scope=scope
    )
    if request.method == "POST" and form.is_valid():
        try:
            reached = services.post(form.save(commit=False), scope)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                ngettext(
                    "The announcement was sent to %(count)s person.",
                    "The announcement was sent to %(count)s people.",
                    reached,
                )
                % {"count": reached},
            )
            return redirect(announcement.get_absolute_url())
    return render(request, "announcements/form.html", {"form": form})


@login_required
@require_safe
def announcement_detail(request, pk):
    announcement = get_announcement(request, pk)
    services.mark_read(announcement, request.user)
    scope = Scope.of(request.user)
    context = {"announcement": announcement, "sees_receipts": scope.can_invite}
    if scope.can_invite:
        receipts = services.receipts_seen_by(announcement, scope)
        context["receipt_count"] = receipts.count()
        context["read_count"] = receipts.filter(read_at__isnull=False).count()
    return render(request, "announcements/detail.html", context)


@login_required
@require_safe
def attachment(request, pk):
    announcement = get_announcement(request, pk)
    if not announcement.attachment:
        raise Http404
    kind = mimetypes.guess_type(announcement.attachment.name)[0] or "application/octet-stream"
    return stored_file_response(
        announcement.attachment,
        as_attachment=True,
        filename=announcement.attachment_name,
        content_type=kind,
    )


@login_required
@require_safe
def receipts(request, pk):
    scope = Scope.requiring(request.user, "can_invite")
    announcement = get_announcement(request, pk)
    url = request.build_absolute_uri(announcement.get_absolute_url())
    rows = [
        (
            receipt,
            "" if receipt.read_at else services.whatsapp_link(announcement, receipt.user, url),
        )
        for receipt in services.receipts_seen_by(announcement, scope)
    ]
    return render(
        request,
        "announcements/receipts.html",
        {
            "announcement": announcement,
            "rows": rows,
            "read_count": sum(1 for receipt, _link in rows if receipt.read_at),
            "unread_count": sum(1 for receipt, _link in rows if not receipt.read_at),
        },
    )


@login_required
@require_POST
def remind(request, pk):
    scope = Scope.requiring(request.user, "can_invite")
    announcement = get_announcement(request, pk)
    try:
        reminded = services.remind_unread(announcement, scope, request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            ngettext(
                "%(count)s person was reminded.", "%(count)s people were reminded.", len(reminded)
            )
            % {"count": len(reminded)}
            if reminded
            else _("Everyone has read it; nobody needed a reminder."),
        )
    return redirect("announcements:receipts", pk=announcement.pk)
