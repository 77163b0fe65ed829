import copy

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from inklusi.accounts.scope import Scope
from inklusi.core.documents import stored_file_response
from inklusi.core.exports import list_export_view
from inklusi.core.offline import Conflict, conflict_response, existing_for_key
from inklusi.libraries.views import library_from_address

from . import services
from .exports import activity_rows
from .forms import ActivityFilterForm, ActivityForm, PhotoFormSet, SendBackForm
from .models import AGE_FIELDS, INCLUSION_FIELDS, Activity, Review

ACTIVITIES = Activity.objects.select_related("library__region", "category")


def visible_activities(request):
    return ACTIVITIES.visible_to(Scope.of(request.user))


def _get(request, pk, for_edit=False):
    activities = ACTIVITIES.select_related(
        "library__region__parent__parent", "created_by", "reviewed_by"
    )
    return activities.get_for(Scope.of(request.user), pk, for_edit=for_edit)


@login_required
@require_safe
def activity_list(request):
    filters = ActivityFilterForm(request.GET)
    activities = (
        filters.apply(visible_activities(request))
        .annotate(photo_count=Count("photos"))
        .order_by("-starts_on", "-pk")  # a query with a count ignores the model's ordering
    )
    page = Paginator(activities, 25).get_page(request.GET.get("page"))
    return render(
        request,
        "activities/list.html",
        {
            "filters": filters,
            "page": page,
            "count": page.paginator.count,
            "can_record": Scope.of(request.user).can_edit,
        },
    )


activity_export = list_export_view(
    visible_activities, ActivityFilterForm, activity_rows, "kegiatan", gettext_lazy("Activities")
)


@login_required
@require_safe
def activity_detail(request, pk):
    return _detail(request, _get(request, pk))


@login_required
@require_safe
def activity_photo(request, pk, photo_pk, thumbnail=False):
    """A photo of an activity the reader may see, public or not (the public pages link the
    public ones by address)."""
    activity = ACTIVITIES.get_for(Scope.of(request.user), pk)
    photo = get_object_or_404(activity.photos, pk=photo_pk)
    return stored_file_response(
        photo.thumbnail if thumbnail else photo.image, content_type="image/jpeg"
    )


def _detail(request, activity, send_back_form=None):
    """The activity's page; with a send-back form that was refused, its error and the typed
    comment stay beside the box."""
    scope = Scope.of(request.user)
    can_review = scope.can_review(activity.library)
    return render(
        request,
        "activities/detail.html",
        {
            "activity": activity,
            "photos": activity.photos.all(),
            "counts": [
                (Activity._meta.get_field(name).verbose_name, getattr(activity, name))
                for name in (*AGE_FIELDS, *INCLUSION_FIELDS)
                if getattr(activity, name)
            ],
            "can_edit": scope.edits_library(activity.library),
            "can_review": can_review,
            "others_to_verify": _to_verify(request).exclude(pk=activity.pk).count()
            if can_review and activity.is_published
            else 0,
            "send_back_form": send_back_form or SendBackForm(),
        },
    )


def _to_verify(request):
    """Published activities awaiting this reviewer's verification, in the list's order."""
    return (
        Activity.objects.reviewable_by(Scope.of(request.user))
        .awaiting_verification()
        .order_by("-starts_on", "-pk")
    )


@login_required
@require_http_methods(["GET", "POST"])
def activity_create(request):
    scope = Scope.requiring(request.user, "can_edit")
    library = library_from_address(request)  # "Record an activity" from a library's page
    initial = {"library": library.pk} if library else {}
    posted = request.method == "POST"
    made = posted and existing_for_key(Activity, request, "created_by")
    if made:  # sent again after a lost answer: the activity made the first time
        return redirect(made)
    form = ActivityForm(
        request.POST if posted else None,
        request.FILES if posted else None,
        scope=scope,
        initial=initial,
    )
    if posted:
        if form.is_valid():
            activity = _save(request, form)
            messages.success(request, _saved_message(activity))
            return redirect(activity)
        _say_nothing_saved(request, form)
    return render(request, "activities/form.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def activity_edit(request, pk):
    activity = _get(request, pk, for_edit=True)
    posted = request.method == "POST"
    formset = PhotoFormSet(request.POST if posted else None, instance=activity, prefix="photo")
    leaving = len(formset.deleted_forms) if posted and formset.is_valid() else 0
    # The form fills its own copy, so the page still names the activity as it is saved.
    form = ActivityForm(
        request.POST if posted else None,
        request.FILES if posted else None,
        instance=copy.copy(activity),
        scope=Scope.of(request.user),
        photos_leaving=leaving,
    )
    if posted:
        form_ok, formset_ok = form.is_valid(), formset.is_valid()  # both, to show every error
        if form_ok and formset_ok:
            try:
                activity = _save(request, form, formset)
            except Conflict as conflict:
                return conflict_response(request, form, conflict.stored, request.path)
            messages.success(request, _saved_message(activity))
            return redirect(activity)
        _say_nothing_saved(request, form)
    return render(
        request, "activities/form.html", {"form": form, "formset": formset, "activity": activity}
    )


def _save(request, form, formset=None):
    """The activity with its photo changes and new photos (re-encoded while the form was
    validated), published or as a draft as the button said."""
    form.apply_client_key()
    return services.save_activity(
        form.instance,
        request.user,
        publish=request.POST.get("action") == "publish",
        photos=form.prepared_photos,
        consent=form.cleaned_data["photos_consent"],
        photo_changes=formset,
        seen_version=form.cleaned_data["seen_version"],
    )


def _saved_message(activity):
    if activity.is_published:
        return _("The activity “%(title)s” was saved and published.") % {"title": activity}
    return _("The activity “%(title)s” was saved as a draft.") % {"title": activity}


def _say_nothing_saved(request, form):
    text = _("Some fields need attention; nothing was saved yet.")
    if form.photos_were_chosen:
        text += " " + _("Please choose the photos again.")
    messages.error(request, text)


def _act(request, activity, action, done, *args):
    """Run a state move of the activity; its success message, or why not now."""
    try:
        action(activity, request.user, *args)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, done)
    return redirect(activity)


@login_required
@require_POST
def activity_publish(request, pk):
    activity = _get(request, pk, for_edit=True)
    return _act(request, activity, services.publish, _("The activity is published."))


@login_required
@require_POST
def activity_unpublish(request, pk):
    activity = _get(request, pk, for_edit=True)
    done = _("The activity is a draft again; the public no longer sees it.")
    return _act(request, activity, services.unpublish, done)


@login_required
@require_POST
def activity_delete(request, pk):
    activity = _get(request, pk, for_edit=True)
    services.delete(activity, request.user)
    messages.success(request, _("The activity “%(title)s” was deleted.") % {"title": activity})
    return redirect("activities:list")


@login_required
@require_POST
def activity_verify(request, pk):
    """Verify; with "and next", open the next activity waiting for this reviewer."""
    activity = _get(request, pk)
    done = _act(request, activity, services.verify, _("The activity is verified."))
    if not request.POST.get("next") or activity.review != Review.VERIFIED:
        return done
    following = _to_verify(request).exclude(pk=activity.pk).first()
    if following is None:
        messages.info(request, _("No other activity awaits your verification."))
        return redirect(reverse("activities:list") + "?status=published&review=pending")
    return redirect(following)


@login_required
@require_POST
def activity_send_back(request, pk):
    activity = _get(request, pk)
    form = SendBackForm(request.POST)
    if not form.is_valid():
        # The page comes back at the comment box, its error beside it, the comment kept.
        form.fields["comment"].widget.attrs["autofocus"] = True
        return _detail(request, activity, send_back_form=form)
    done = _("The activity was sent back with your comment.")
    return _act(request, activity, services.send_back, done, form.cleaned_data["comment"])
