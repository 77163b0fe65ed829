from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from inklusi.accounts.scope import Scope

from . import services
from .forms import CommentForm


@login_required
@require_http_methods(["GET", "POST"])
def thread(request, kind, pk):
    """A record's thread on a page of its own (the agreement's, and for browsers without
    JavaScript); a POST adds a comment. htmx posts get the thread back to swap in place."""
    scope = Scope.of(request.user)
    record = services.get_record(kind, pk, request.user)
    swapping = request.headers.get("HX-Request") == "true"
    form = CommentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_comment(record, scope, request.user, form.cleaned_data["body"])
        except ValidationError as error:
            form.add_error("body", error)
        else:
            if not swapping:
                messages.success(request, _("Your comment was added."))
                return redirect(services.thread_url(record) + "#komentar")
            form = CommentForm()
    template = "comments/_thread_swap.html" if swapping else "comments/thread_page.html"
    return render(request, template, {"record": record, "form": form})


@login_required
@require_safe
def people(request, kind, pk):
    """The mention picker's answer: people who can see the record, by name or address."""
    record = services.get_record(kind, pk, request.user)
    words = request.GET.get("q", "").strip()[:100]
    found = services.people_to_mention(record, words) if len(words) >= 2 else []
    return render(request, "comments/_people.html", {"people": found, "words": words})
