"""Recording stories, withdrawing a photo's consent and the selection chain: every write here.

The chain (Most Significant Change): a regency's coordinators choose among the stories its
libraries recorded in the quarter, a province's among its regencies' picks, the nation among
the provinces' picks; each pick keeps its reason. Who chooses for a place is whoever invites
people there (its coordinators, and those above them).
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from inklusi.core import public_cache
from inklusi.notifications import services as notifications
from inklusi.regions.models import Level as RegionLevel
from inklusi.regions.models import Region

from .models import LEVELS, Level, Selection, Story

# How many stories each place may choose in a quarter.
PICKS_PER_QUARTER = 3
NATION = "nasional"  # the nation's place in URLs


@dataclass(frozen=True)
class Place:
    """Where a selection is made: a regency, a province or the nation (region None)."""

    level: str
    region: Region | None = None

    @property
    def code(self):
        return self.region.code if self.region else NATION

    @property
    def name(self):
        return self.region.name if self.region else _("Indonesia")

    def may_choose(self, scope):
        if self.region is None:
            return scope.invites_nationally
        return scope.invites_in_region(self.region.code)

    def candidates(self, quarter):
        """The stories this place chooses among in `quarter`: its libraries' stories for a
        regency, the picks of the level below inside it for a province and the nation."""
        stories = Story.objects.in_quarter(quarter).select_related("library__region")
        if self.region is not None:
            stories = stories.filter(library__region__code__inside=self.region.code)
        below = LEVELS.index(self.level) - 1
        if below >= 0:
            stories = stories.filter(selections__level=LEVELS[below])
        return stories

    def picks(self, quarter):
        return Selection.objects.filter(
            level=self.level, region=self.region, story__quarter=quarter
        ).select_related("story__library__region", "chosen_by")


def place_of(code):
    """The place a URL's code names, or None: "nasional", a province or a regency code."""
    if code == NATION:
        return Place(Level.NATION)
    region = Region.objects.filter(code=code).first()
    if region is None:
        return None
    if region.level == RegionLevel.PROVINCE:
        return Place(Level.PROVINCE, region)
    if region.level == RegionLevel.REGENCY:
        return Place(Level.REGENCY, region)
    return None


def places_of(scope):
    """The places where the user chooses: the regencies and provinces they coordinate, or
    the nation."""
    if scope.invites_nationally:
        return [Place(Level.NATION)]
    codes = [code for code in scope.held_region_codes() if scope.invites_in_region(code)]
    return [p for p in (place_of(code) for code in codes) if p is not None]


def record_story(story, by):
    """Save a new story; a photo's consent is recorded with who and when."""
    story.recorded_by = by
    _record_consent(story, by)
    story.save()
    return story


def update_story(story, by):
    """Save changes to a story that no level has chosen yet (a chosen story is what the
    reasons were written about)."""
    if story.selections.exists():
        raise ValidationError(_("This story has been chosen; it can no longer be changed."))
    before = Story.objects.get(pk=story.pk).photo
    _record_consent(story, by)
    story.save()
    if before and before.name != story.photo.name:
        before.storage.delete(before.name)  # a replaced or removed photo is not kept
    return story


def _record_consent(story, by):
    if not story.photo:
        story.photo_consent = False
    if story.photo_consent and story.consent_recorded_at is None:
        story.consent_recorded_at, story.consent_recorded_by = timezone.now(), by


def withdraw_consent(story, scope, by):
    """The person withdrew their consent: the photo file is deleted at once, so no page,
    brief or anthology can show it again, and the withdrawal is recorded."""
    if not scope.edits_library(story.library):
        raise PermissionDenied
    if story.photo:
        story.photo.delete(save=False)
    story.photo = ""
    story.photo_consent = False
    story.consent_withdrawn_at, story.consent_withdrawn_by = timezone.now(), by
    story.save()
    public_cache.withdrawn()
    return story


def choose(place, scope, story, reason, by):
    """Choose `story` for `place` with its reason. The caller fetched the story among the
    place's candidates (anything else is a 404)."""
    if not place.may_choose(scope):
        raise PermissionDenied
    if not place.candidates(story.quarter).filter(pk=story.pk).exists():
        raise ValidationError(_("This story is not among this place's stories of the quarter."))
    reason = reason.strip()
    if not reason:
        raise ValidationError(_("Say why this story is the most significant."))
    if place.picks(story.quarter).count() >= PICKS_PER_QUARTER:
        raise ValidationError(
            _("%(count)s stories are already chosen this quarter; take one back first.")
            % {"count": PICKS_PER_QUARTER}
        )
    try:
        with transaction.atomic():
            pick = Selection.objects.create(
                story=story, level=place.level, region=place.region, reason=reason, chosen_by=by
            )
    except IntegrityError as error:
        raise ValidationError(_("This story is already chosen.")) from error
    public_cache.changed()
    if story.recorded_by and story.recorded_by != by:
        with translation.override(settings.LANGUAGE_CODE):
            notifications.notify(
                [story.recorded_by],
                "story_chosen",
                _("Your story was chosen as most significant for %(place)s")
                % {"place": place.name},
                story.get_absolute_url(),
                actor=by,
                body=Truncator(reason).chars(300),
            )
    return pick


def take_back(place, scope, story):
    """Undo a pick, unless the level above has chosen it since."""
    if not place.may_choose(scope):
        raise PermissionDenied
    pick = place.picks(story.quarter).filter(story=story).first()
    if pick is None:
        raise ValidationError(_("This story is not chosen here."))
    above = LEVELS[LEVELS.index(place.level) + 1 :]
    if story.selections.filter(level__in=above).exists():
        raise ValidationError(_("The level above has chosen this story; it stays chosen."))
    pick.delete()
    public_cache.withdrawn()
