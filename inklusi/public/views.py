"""The public pages: no login, only published activities and consented photos."""

from urllib.parse import quote, urlencode

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from inklusi.core import public_cache
from inklusi.libraries.models import Library
from inklusi.regions.models import Region
from inklusi.stories.files import photo_response
from inklusi.stories.models import Level as StoryLevel

from .queries import (
    child_regions_with_activities,
    headline_figures,
    is_region_code,
    libraries_with_activities,
    library_description,
    participant_groups,
    place_summary,
    public_activities,
    public_outcomes,
    public_stories,
    shorten,
    summary,
    summary_sentence,
)

LIBRARY_PAGE_SIZE = 10
REGION_PAGE_SIZE = 20
# Chosen stories of change shown on a library's or a region's page.
STORIES_SHOWN = 3
# What a shared link shows when the page has no photo: our own picture, 1200 × 630.
SHARE_IMAGE = "img/bagikan.png"


def _absolute(request, url):
    """The absolute address of an image, the share picture when there is none."""
    return request.build_absolute_uri(url or static(SHARE_IMAGE))


def share_links(url, title):
    """(name, address) of the share buttons: plain links the visitor opens, nothing loaded."""
    return [
        ("WhatsApp", "https://wa.me/?" + urlencode({"text": f"{title} {url}"}, quote_via=quote)),
        ("Facebook", "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url})),
        (
            "X",
            "https://twitter.com/intent/tweet?"
            + urlencode({"url": url, "text": title}, quote_via=quote),
        ),
    ]


@require_safe
def library(request, pk):
    library = get_object_or_404(Library.objects.select_related("region__parent__parent"), pk=pk)
    activities = public_activities().filter(library=library)
    page = Paginator(activities, LIBRARY_PAGE_SIZE).get_page(request.GET.get("page"))
    cover = library.cover_photo.url if library.cover_photo else ""
    figures = headline_figures(library)
    return render(
        request,
        "public/library.html",
        {
            "library": library,
            "ancestors": library.region.ancestors(),
            "page": page,
            "figures": figures,
            "stories": public_stories().filter(library=library)[:STORIES_SHOWN],
            "outcomes": public_outcomes(library=library),
            "meta": {
                "title": library.name,
                "description": shorten(library.description)
                or library_description(library, figures),
                "image": _absolute(request, cover),
                "url": request.build_absolute_uri(reverse("public:library", args=[pk])),
                "type": "website",
            },
        },
    )


@require_safe
def activity(request, pk):
    """A published activity. Its content is kept like a region page's (`core.public_cache`):
    an edit, unpublishing or a withdrawn photo consent shows at the next request."""
    page = public_cache.remember(request, "activity", lambda: _activity_content(request, pk))
    if page is None:
        raise Http404
    return render(request, "public/activity.html", page)


def _activity_content(request, pk):
    """{title, content, meta} of the activity's page; None when it is not public."""
    activity = public_activities().filter(pk=pk).first()
    if activity is None:
        return None
    photos = activity.public_photos
    library = activity.library
    image = photos[0].image.url if photos else ""
    if not image and library.cover_photo:
        image = library.cover_photo.url
    url = request.build_absolute_uri(activity.get_public_url())
    content = render_to_string(
        "public/_activity.html",
        {
            "activity": activity,
            "library": library,
            "photos": photos,
            "groups": participant_groups(activity),
            "share_links": share_links(url, activity.title),
            "share_url": url,
        },
        request=request,
    )
    meta = {
        "title": activity.title,
        "description": summary(activity),
        "image": _absolute(request, image),
        "url": url,
        "type": "article",
    }
    return {"title": activity.title, "content": content, "meta": meta}


@require_safe
def region(request, code=None):
    """Published activities of every library under the region (the whole country without
    a code), newest first, with the way up and down the region tree. The content is kept in
    the cache until something public changes (`core.public_cache`)."""
    place = None
    if code is not None:
        if not is_region_code(code):
            raise Http404
        place = get_object_or_404(Region, code=code)
    feeds = _feed_urls(code)
    page = public_cache.remember(request, "region", lambda: _region_content(request, place, feeds))
    return render(
        request,
        "public/region.html",
        {
            "region": place,
            "content": page["content"],
            **feeds,
            "meta": {
                "title": _("Library activities in %(where)s")
                % {"where": place.label if place else _("Indonesia")},
                "description": page["sentence"],
                "image": _absolute(request, ""),
                "url": request.build_absolute_uri(request.path),
                "type": "website",
            },
        },
    )


def _feed_urls(code):
    args = {"args": [code]} if code else {}
    suffix = "region_" if code else ""
    return {
        "atom_url": reverse(f"public:{suffix}atom", **args),
        "rss_url": reverse(f"public:{suffix}rss", **args),
    }


def _region_content(request, place, feeds):
    """The region page's content (the nation's without a place) and its summary sentence."""
    activities = public_activities()
    stories = public_stories(StoryLevel.NATION)  # the nation's picks on the national page
    code = place.code if place else None
    if place:
        activities = activities.filter(library__region__code__inside=code)
        stories = public_stories().filter(library__region__code__inside=code)
    page = Paginator(activities, REGION_PAGE_SIZE).get_page(request.GET.get("page"))
    numbers = place_summary(place)
    sentence = str(summary_sentence(numbers))
    content = render_to_string(
        "public/_region.html",
        {
            "region": place,
            "ancestors": place.ancestors() if place else [],
            "page": page,
            "children": child_regions_with_activities(place),
            "libraries": libraries_with_activities(code),
            **feeds,
            "summary": numbers,
            "sentence": sentence,
            "stories": stories[:STORIES_SHOWN],
            "outcomes": public_outcomes(region=place),
        },
        request=request,
    )
    return {"content": content, "sentence": sentence}


@require_safe
def story(request, pk):
    """A chosen story of change: its public text and each level's reason."""
    story = get_object_or_404(public_stories().prefetch_related("selections__region"), pk=pk)
    url = request.build_absolute_uri(reverse("public:story", args=[pk]))
    image = reverse("public:story_photo", args=[pk]) if story.has_consented_photo else ""
    return render(
        request,
        "public/story.html",
        {
            "story": story,
            "library": story.library,
            "ancestors": story.library.region.ancestors(),
            "share_links": share_links(url, story.who),
            "share_url": url,
            "meta": {
                "title": story.who,
                "description": shorten(story.what_changed),
                "image": _absolute(request, image),
                "url": url,
                "type": "article",
            },
        },
    )


@require_safe
def story_photo(request, pk):
    """A chosen story's photo, only while the person's consent stands."""
    story = get_object_or_404(public_stories(), pk=pk)
    if not story.has_consented_photo:
        raise Http404
    return photo_response(story)
