from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from inklusi.accounts.scope import Scope

from . import files, quarters, services
from .anthology import anthology_pdf
from .forms import ChooseForm, StoryForm
from .models import Story


def get_story(request, pk, for_edit=False):
    stories = Story.objects.select_related("library__region").prefetch_related("selections__region")
    return stories.get_for(Scope.of(request.user), pk, for_edit=for_edit)


@login_required
@require_safe
def story_list(request):
    scope = Scope.of(request.user)
    stories = Story.objects.visible_to(scope).select_related("library__region")
    page = Paginator(stories.prefetch_related("selections"), 25).get_page(request.GET.get("page"))
    return render(
        request,
        "stories/list.html",
        {
            "page": page,
            "can_record": scope.can_edit,
            "places": services.places_of(scope),
            # The anthology of the year of the last complete quarter.
            "anthology_year": quarters.shift(quarters.parse(""), -1).year,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def story_create(request):
    scope = Scope.requiring(request.user, "can_edit")
    return _edit(request, scope, Story(), services.record_story)


@login_required
@require_http_methods(["GET", "POST"])
def story_edit(request, pk):
    story = get_story(request, pk, for_edit=True)
    return _edit(request, Scope.of(request.user), story, services.update_story)


def _edit(request, scope, story, save):
    form = StoryForm(request.POST or None, request.FILES or None, instance=story, scope=scope)
    if request.method == "POST" and form.is_valid():
        try:
            save(form.save(commit=False), request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The story is saved."))
            return redirect(story.get_absolute_url())
    return render(request, "stories/form.html", {"form": form, "story": story})


@login_required
@require_safe
def story_detail(request, pk):
    story = get_story(request, pk)
    scope = Scope.of(request.user)
    return render(
        request,
        "stories/detail.html",
        {
            "story": story,
            "selections": story.selections.all(),
            "edits": scope.edits_library(story.library),
            "quarter_key": quarters.key(story.quarter),
            "quarter_label": quarters.label(story.quarter),
        },
    )


@login_required
@require_safe
def photo(request, pk):
    return files.photo_response(get_story(request, pk))


@login_required
@require_POST
def withdraw_consent(request, pk):
    story = get_story(request, pk, for_edit=True)
    services.withdraw_consent(story, Scope.of(request.user), request.user)
    messages.success(request, _("The consent is withdrawn and the photo deleted."))
    return redirect(story.get_absolute_url())


def get_place(request, code):
    """The place whose selection the user makes: 403 for a role that never chooses, 404
    for a place outside the scope, 403 for a place seen but chosen for by others."""
    scope = Scope.requiring(request.user, "can_invite")
    place = services.place_of(code)
    if place is None:
        raise Http404
    if place.region is not None and not scope.sees_region(place.region.code):
        raise Http404
    if not place.may_choose(scope):
        raise PermissionDenied
    return scope, place


@login_required
@require_safe
def selection(request, code):
    scope, place = get_place(request, code)
    quarter = quarters.parse(request.GET.get("kuartal"))
    picks = list(place.picks(quarter))
    chosen = {pick.story_id for pick in picks}
    candidates = [
        s for s in place.candidates(quarter).order_by("recorded_at") if s.pk not in chosen
    ]
    for story in candidates:  # one form each, with ids of its own
        story.form = ChooseForm(auto_id=f"id_%s_{story.pk}")
    return render(
        request,
        "stories/selection.html",
        {
            "place": place,
            "quarter": quarter,
            "quarter_label": quarters.label(quarter),
            "previous": quarters.key(quarters.shift(quarter, -1)),
            "next": quarters.key(quarters.shift(quarter, 1)),
            "picks": picks,
            "candidates": candidates,
            "full": len(picks) >= services.PICKS_PER_QUARTER,
        },
    )


def _candidate(place, pk):
    """A story among the place's candidates (of any quarter): 404 for anything else, so a
    regency cannot choose another regency's story."""
    story = Story.objects.filter(pk=pk).first()
    if story is None or not place.candidates(story.quarter).filter(pk=pk).exists():
        raise Http404
    return story


def _back(place, story):
    query = urlencode({"kuartal": quarters.key(story.quarter)})
    return redirect(f"{reverse('stories:selection', args=[place.code])}?{query}")


@login_required
@require_POST
def choose(request, code, pk):
    scope, place = get_place(request, code)
    story = _candidate(place, pk)
    form = ChooseForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return _back(place, story)
    try:
        services.choose(place, scope, story, form.cleaned_data["reason"], request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The story is chosen."))
    return _back(place, story)


@login_required
@require_POST
def take_back(request, code, pk):
    scope, place = get_place(request, code)
    story = _candidate(place, pk)
    try:
        services.take_back(place, scope, story)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The pick is taken back."))
    return _back(place, story)


@login_required
@require_safe
def anthology(request, year):
    Scope.requiring(request.user, "in_programme")
    if not 2000 <= year <= 2100:
        raise Http404
    response = HttpResponse(anthology_pdf(year), "application/pdf")
    response["Content-Disposition"] = f'attachment; filename="antologi-cerita-{year}.pdf"'
    return response
