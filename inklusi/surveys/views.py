"""The survey's two faces: the participant's pages (no login: `/s/<token>/` and the
follow-up), and the library's (the link, QR code, poster and WhatsApp text, paper forms,
the activity's results)."""

import secrets

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from inklusi.accounts.scope import Scope
from inklusi.activities.models import Activity
from inklusi.core import ratelimit
from inklusi.core.pdf import pdf_response

from . import results, services
from .forms import AnswerForm, FollowUpForm
from .models import FollowUpContact, Response, Survey

COOKIE = "inklusi_survei"
COOKIE_AGE = 2 * 365 * 24 * 3600


def _keep_cookie(request, response, cookie):
    if request.COOKIES.get(COOKIE) != cookie:
        response.set_cookie(COOKIE, cookie, max_age=COOKIE_AGE, httponly=True, samesite="Lax")
    return response


def _valid_key(value):
    return value if len(value) == 32 and value.isalnum() else services.new_key()


def answer(request, token):
    survey = get_object_or_404(
        Survey.objects.select_related("activity__library__region", "activity__category"),
        token=token,
    )
    activity = survey.activity
    context = {"survey": survey, "activity": activity}
    if not survey.is_open:
        return render(request, "surveys/closed.html", context)
    cookie = request.COOKIES.get(COOKIE) or secrets.token_urlsafe(16)
    device = services.device_key(survey, cookie)
    form_options = {"livelihood": activity.category.livelihood}
    status = 200
    if request.method == "POST":
        form = AnswerForm(request.POST, **form_options)
        if form.is_bot:
            return render(request, "surveys/thanks.html", context)
        # Per survey and address: a class behind one village Wi-Fi or carrier NAT still fits.
        address = ratelimit.client_address(request)
        if not ratelimit.allow(f"survey:{survey.pk}:{address}", *settings.SURVEY_RATE):
            context["slow_down"] = True
            status = 429
        elif form.is_valid():
            key = _valid_key(request.POST.get("key", ""))
            response, created = services.submit(
                survey,
                form.answers(),
                submission_key=key,
                device=device,
                contact=form.contact(),
            )
            context |= {"created": created, "follow_up": hasattr(response, "contact")}
            page = render(request, "surveys/thanks.html", context)
            return _keep_cookie(request, page, cookie)
        key = _valid_key(request.POST.get("key", ""))
    else:
        if Response.objects.filter(survey=survey, device=device).exists():
            context["created"] = False
            return render(request, "surveys/thanks.html", context)
        form, key = AnswerForm(**form_options), services.new_key()
    context |= {"form": form, "key": key}
    page = render(request, "surveys/answer.html", context, status=status)
    return _keep_cookie(request, page, cookie)


def follow_up(request, token):
    contact = (
        FollowUpContact.objects.select_related("response__survey__activity__library")
        .filter(token=token)
        .first()
    )
    if contact is None:
        return render(request, "surveys/follow_up_gone.html", status=404)
    context = {"activity": contact.response.survey.activity, "contact": contact}
    if not services.follow_up_is_open(contact):
        return render(request, "surveys/follow_up_gone.html", context)
    form = FollowUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.answer_follow_up(contact, form.cleaned_data["applied"])
        return render(request, "surveys/thanks.html", context | {"followed_up": True})
    return render(request, "surveys/follow_up.html", context | {"form": form})


# The library's face ---------------------------------------------------------------------


def _activity(request, pk, for_edit=False):
    scope = Scope.of(request.user)
    activity = Activity.objects.select_related("library", "category").get_for(
        scope, pk, for_edit=for_edit
    )
    return scope, activity, services.survey_for(activity)


@login_required
def manage(request, pk):
    scope, activity, survey = _activity(request, pk)
    can_edit = scope.edits_library(activity.library)
    url = services.public_url(survey)
    responses = Response.objects.filter(survey=survey)
    context = {
        "activity": activity,
        "survey": survey,
        "public_url": url,
        "qr": segno.make(url, error="m").svg_inline(scale=4, dark="#000"),
        "whatsapp_link": services.whatsapp_share_link(survey),
        "whatsapp_text": services.whatsapp_text(survey),
        "outcomes": results.activity_outcomes(activity),
        "quotes": results.quotes(responses),
        "paper_count": responses.filter(source="paper").count(),
        "can_edit": can_edit,
        "due_follow_ups": [
            (contact, services.whatsapp_follow_up_link(contact))
            for contact in services.due_whatsapp_follow_ups(activity)
        ]
        if can_edit
        else [],
    }
    return render(request, "surveys/manage.html", context)


@login_required
def poster(request, pk):
    _scope, activity, survey = _activity(request, pk)
    url = services.public_url(survey)
    context = {
        "activity": activity,
        "public_url": url,
        "qr": segno.make(url, error="m").png_data_uri(scale=10, border=2),
    }
    return pdf_response("surveys/poster.html", context, request, f"survei-{activity.pk}.pdf")


@login_required
def paper(request, pk):
    scope, activity, survey = _activity(request, pk, for_edit=True)
    form = AnswerForm(request.POST or None, livelihood=activity.category.livelihood, honeypot=False)
    if request.method == "POST" and form.is_valid():
        services.enter_paper_form(survey, request.user, scope, form.answers(), form.contact())
        messages.success(request, _("The paper form was added."))
        if "another" in request.POST:
            return redirect("surveys:paper", activity.pk)
        return redirect("surveys:manage", activity.pk)
    return render(request, "surveys/paper.html", {"activity": activity, "form": form})


@login_required
@require_POST
def close(request, pk):
    scope, activity, survey = _activity(request, pk, for_edit=True)
    if "reopen" in request.POST:
        services.reopen(survey, scope)
        messages.success(request, _("The survey is open again."))
    else:
        services.close(survey, scope)
        messages.success(request, _("The survey is closed."))
    return redirect("surveys:manage", activity.pk)
