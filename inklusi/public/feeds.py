"""Atom and RSS feeds of published activities, national and per region."""

from types import SimpleNamespace

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from inklusi.regions.models import Region

from .queries import is_region_code, public_activities, summary

FEED_ITEMS = 30


def photo_size(photo):
    """The photo file's size in bytes, as the storage reports it (None if it cannot)."""
    try:
        return photo.image.size
    except Exception:  # a missing file, or whatever error the storage backend raises
        return None


class ActivityFeed(Feed):
    feed_type = Rss201rev2Feed
    language = "id"

    def get_object(self, request, code=None):
        """The region (None for the whole country) and the request, which the items need to
        give their photos absolute addresses (a Feed instance serves every request)."""
        region = None
        if code is not None:
            if not is_region_code(code):
                raise Http404
            region = get_object_or_404(Region, code=code)
        return SimpleNamespace(region=region, request=request)

    def title(self, obj):
        where = obj.region.label if obj.region else _("Indonesia")
        return _("Library activities in %(where)s · Inklusi") % {"where": where}

    def link(self, obj):
        if obj.region:
            return reverse("public:region", args=[obj.region.code])
        return reverse("public:index")

    def description(self, obj):
        return _("Community activities of the libraries in the TPBIS programme.")

    def items(self, obj):
        activities = public_activities()
        if obj.region:
            activities = activities.filter(library__region__code__inside=obj.region.code)
        items = list(activities[:FEED_ITEMS])
        for item in items:
            item.enclosure, item.enclosure_length = "", 0
            photo = item.public_photos[0] if item.public_photos else None
            length = photo_size(photo) if photo else None
            if length:  # a photo whose file cannot be read is left out
                item.enclosure = obj.request.build_absolute_uri(photo.image.url)
                item.enclosure_length = length
        return items

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return summary(item)

    def item_link(self, item):
        return item.get_public_url()

    def item_pubdate(self, item):
        return item.published_at

    def item_author_name(self, item):
        return item.library.name

    def item_categories(self, item):
        return [str(item.category)]

    def item_enclosure_url(self, item):
        return item.enclosure

    def item_enclosure_length(self, item):
        return item.enclosure_length

    item_enclosure_mime_type = "image/jpeg"


class AtomActivityFeed(ActivityFeed):
    feed_type = Atom1Feed
    subtitle = ActivityFeed.description
