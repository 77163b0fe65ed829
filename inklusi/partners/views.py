import copy

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from inklusi.accounts.scope import Scope
from inklusi.core.documents import stored_file_response

from .forms import (
    AgreementForm,
    ContactFormSet,
    ContributionForm,
    LibraryLinkForm,
    PartnerFilterForm,
    PartnerForm,
)
from .models import Agreement, Contribution, Partner


def get_partner(request, pk, for_edit=False):
    partners = Partner.objects.select_related("region")
    return partners.get_for(Scope.of(request.user), pk, for_edit=for_edit)


@login_required
@require_safe
def partner_list(request):
    scope = Scope.of(request.user)
    filters = PartnerFilterForm(request.GET)
    partners = filters.apply(Partner.objects.visible_to(scope)).select_related("region")
    page = Paginator(partners.order_by("name", "pk"), 25).get_page(request.GET.get("page"))
    return render(
        request,
        "partners/list.html",
        {
            "filters": filters,
            "page": page,
            "count": page.paginator.count,
            "can_create": scope.can_edit,
            "is_coordinator": scope.is_regional,
        },
    )


@login_required
@require_safe
def partner_detail(request, pk):
    scope = Scope.of(request.user)
    partner = get_partner(request, pk)
    can_edit = Partner.objects.editable_by(scope).filter(pk=pk).exists()
    libraries = partner.libraries.select_related("region").order_by("name")
    contributions = partner.contributions.visible_to(scope)
    editable_library_ids = set(libraries.editable_by(scope).values_list("pk", flat=True))
    agreements = partner.agreements.visible_to(scope)
    editable_agreement_ids = set(partner.agreements.editable_by(scope).values_list("pk", flat=True))
    return render(
        request,
        "partners/detail.html",
        {
            "partner": partner,
            "can_edit": can_edit,
            "contacts": partner.contacts.all(),
            "libraries": libraries,
            "editable_library_ids": editable_library_ids,
            "agreements": agreements.select_related("library"),
            "editable_agreement_ids": editable_agreement_ids,
            "contributions": contributions.select_related("library", "activity"),
            "totals": contributions.totals(),
            "link_form": LibraryLinkForm(scope=scope) if scope.can_edit else None,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def partner_create(request):
    scope = Scope.requiring(request.user, "can_edit")
    posted = request.method == "POST"
    form = PartnerForm(request.POST if posted else None, scope=scope)
    formset = ContactFormSet(request.POST if posted else None, prefix="contacts")
    if posted:
        form_ok, formset_ok = form.is_valid(), formset.is_valid()
        if form_ok and formset_ok:
            with transaction.atomic():
                partner = form.save(request.user)
                formset.instance = partner
                formset.save()
            messages.success(request, _("Partner “%(name)s” was added.") % {"name": partner.name})
            return redirect(partner)
        _say_nothing_saved(request)
    return render(request, "partners/form.html", {"form": form, "formset": formset})


@login_required
@require_http_methods(["GET", "POST"])
def partner_edit(request, pk):
    scope = Scope.of(request.user)
    partner = get_partner(request, pk, for_edit=True)
    posted = request.method == "POST"
    form = PartnerForm(request.POST if posted else None, instance=copy.copy(partner), scope=scope)
    formset = ContactFormSet(request.POST if posted else None, instance=partner, prefix="contacts")
    if posted:
        form_ok, formset_ok = form.is_valid(), formset.is_valid()
        if form_ok and formset_ok:
            with transaction.atomic():
                form.save()
                formset.save()
            messages.success(request, _("The partner was saved."))
            return redirect(partner)
        _say_nothing_saved(request)
    return render(
        request, "partners/form.html", {"form": form, "formset": formset, "partner": partner}
    )


@login_required
@require_POST
def partner_add_library(request, pk):
    """Link a library the user edits to a partner they can see (also the answer to the
    duplicate warning: "add my library to the existing partner")."""
    scope = Scope.of(request.user)
    partner = get_partner(request, pk)
    form = LibraryLinkForm(request.POST, scope=scope)
    if form.is_valid():
        partner.libraries.add(form.cleaned_data["library"])
        messages.success(
            request,
            _("%(library)s now works with %(partner)s.")
            % {"library": form.cleaned_data["library"].name, "partner": partner.name},
        )
    else:
        messages.error(request, " ".join(form.errors.get("library", [])))
    return redirect(partner)


@login_required
@require_POST
def partner_remove_library(request, pk, library_pk):
    scope = Scope.of(request.user)
    partner = get_partner(request, pk, for_edit=True)
    library = partner.libraries.get_for(scope, library_pk, for_edit=True)
    partner.libraries.remove(library)
    messages.success(request, _("%(library)s was removed.") % {"library": library.name})
    return redirect(partner)


@login_required
@require_http_methods(["GET", "POST"])
def contribution_create(request, pk):
    partner = get_partner(request, pk)
    return _contribution_form(request, partner, Contribution(created_by=request.user))


@login_required
@require_http_methods(["GET", "POST"])
def contribution_edit(request, pk):
    scope = Scope.of(request.user)
    contribution = Contribution.objects.select_related("partner").get_for(scope, pk, for_edit=True)
    return _contribution_form(request, contribution.partner, contribution)


def _contribution_form(request, partner, contribution):
    scope = Scope.of(request.user)
    posted = request.method == "POST"
    form = ContributionForm(
        request.POST if posted else None, instance=contribution, partner=partner, scope=scope
    )
    if not form.has_libraries:
        raise Http404  # none of the partner's libraries is one the user records for
    if posted:
        if form.is_valid():
            form.save()
            messages.success(request, _("The contribution was saved."))
            return redirect(partner.get_absolute_url() + "#contributions")
        _say_nothing_saved(request)
    return render(request, "partners/contribution_form.html", {"form": form, "partner": partner})


@login_required
@require_http_methods(["GET", "POST"])
def agreement_create(request, pk):
    partner = get_partner(request, pk, for_edit=True)
    return _agreement_form(request, partner, Agreement())


@login_required
@require_http_methods(["GET", "POST"])
def agreement_edit(request, pk):
    agreement = Agreement.objects.get_for(Scope.of(request.user), pk, for_edit=True)
    return _agreement_form(request, agreement.partner, agreement)


def _agreement_form(request, partner, agreement):
    scope = Scope.of(request.user)
    posted = request.method == "POST"
    form = AgreementForm(
        request.POST if posted else None,
        request.FILES if posted else None,
        instance=agreement,
        partner=partner,
        scope=scope,
    )
    if posted:
        if form.is_valid():
            form.save()
            messages.success(request, _("The agreement was saved."))
            return redirect(partner.get_absolute_url() + "#agreements")
        text = _("Some fields need attention; nothing was saved yet.")
        if form.document_was_chosen:
            text += " " + _("Please choose the PDF again.")
        messages.error(request, text)
    return render(
        request,
        "partners/agreement_form.html",
        {"form": form, "partner": partner, "agreement": agreement},
    )


@login_required
@require_safe
def agreement_document(request, pk):
    agreements = Agreement.objects.exclude(document="")
    agreement = agreements.get_for(Scope.of(request.user), pk)
    return stored_file_response(
        agreement.document,
        as_attachment=True,
        filename=agreement.document_name,
        content_type="application/pdf",
    )


@login_required
@require_safe
def agreements_ending(request):
    agreements = (
        Agreement.objects.visible_to(Scope.of(request.user))
        .ending_soon()
        .select_related("partner", "library")
        .order_by("ends_on", "pk")
    )
    return render(request, "partners/agreements_ending.html", {"agreements": agreements})


def _say_nothing_saved(request):
    messages.error(request, _("Some fields need attention; nothing was saved yet."))
