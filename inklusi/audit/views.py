from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_safe

from inklusi.accounts.scope import Scope

from . import queries
from .forms import SearchForm

PER_PAGE = 50


def _page(request, found):
    page = Paginator(found, PER_PAGE).get_page(request.GET.get("page"))
    for entry in page:
        entry.rows = _rows(entry)
        entry.note = (entry.additional_data or {}).get("text", "")  # a plan step's words
    return page


def _rows(entry):
    """(field, before, after) in the reader's language; a missing value is empty."""
    try:
        changes = entry.changes_display_dict
    except (AttributeError, LookupError):  # the kind of record was removed since
        changes = entry.changes_dict
    rows = []
    for label, values in changes.items():
        values = list(values) + ["", ""]
        rows.append((label, _blank(values[0]), _blank(values[1])))
    return rows


def _blank(value):
    return "" if value in (None, "None") else value


@login_required
@require_safe
def search(request):
    """Everything anyone changed, for the national admin: by person, kind, day and text."""
    Scope.requiring(request.user, "is_national")
    form = SearchForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    found = queries.search(**{k: v for k, v in filters.items() if v})
    return render(request, "audit/search.html", {"form": form, "page": _page(request, found)})


@login_required
@require_safe
def record(request, label, pk):
    """One record's history, for those who may change it (404 for anyone else)."""
    model = queries.audited_model(label)
    record = queries.record_for_history(model, Scope.of(request.user), pk)
    page = _page(request, queries.history_of(record))
    return render(
        request,
        "audit/record.html",
        {"record": record, "kind": model._meta.verbose_name, "page": page},
    )
