"""What may happen to an activity, who may do it, and in which state; every write of an
activity goes through here, so the dashboard's summaries follow in the same transaction.

    draft ──publish──▶ published ──verify──▶ published, verified
      ▲  ◀─unpublish──    │
      └───send_back───────┘   (sent back: a draft with the coordinator's comment)

The library's editors (its manager, and coordinators above it) write, publish, unpublish and
delete its activities; the coordinators of the library's region (`Scope.can_review`), never
the library's own manager, verify them or send them back. Publishing again after a send-back
awaits a new look, and so does an edit after verification.
"""

from functools import partial

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from inklusi.accounts.scope import Scope
from inklusi.core import derived, public_cache
from inklusi.core.auditing import record_bulk_updated, record_created
from inklusi.core.offline import check_version

from .models import Activity, Review, Status
from .photos import add_photo, place_files

EDITORS, REVIEWERS = "editors", "reviewers"
EVERY_STATUS = {Status.DRAFT, Status.PUBLISHED}
NOT_NOW = gettext_lazy("This cannot be done while the activity is “%(state)s”.")
# action: (statuses it may happen in, who may do it, why not now)
ACTIONS = {
    "edit": (EVERY_STATUS, EDITORS, NOT_NOW),
    "publish": ({Status.DRAFT}, EDITORS, NOT_NOW),
    "unpublish": ({Status.PUBLISHED}, EDITORS, NOT_NOW),
    "delete": (EVERY_STATUS, EDITORS, NOT_NOW),
    "verify": (
        {Status.PUBLISHED},
        REVIEWERS,
        gettext_lazy("Only a published activity can be verified."),
    ),
    "send_back": ({Status.PUBLISHED}, REVIEWERS, NOT_NOW),
}
# What the state moves write.
MOVED_FIELDS = (
    "status",
    "published_at",
    "review",
    "review_comment",
    "reviewed_by",
    "reviewed_at",
    "updated_at",
    "version",
)
# Written by the lifecycle, not by the activity's form: a change elsewhere is an edit.
LIFECYCLE_FIELDS = {*MOVED_FIELDS, "id", "created_by", "created_at", "client_key"}


def holds(user, library, who):
    scope = Scope.of(user)
    return scope.edits_library(library) if who == EDITORS else scope.can_review(library)


def may(user, activity, action):
    states, who, _why = ACTIONS[action]
    return activity.status in states and holds(user, activity.library, who)


def check(user, activity, action):
    """PermissionDenied if the user's role never allows the action on this activity, a
    ValidationError if its state does not allow it now."""
    states, who, why = ACTIONS[action]
    if not holds(user, activity.library, who):
        raise PermissionDenied
    if activity.status not in states:
        raise ValidationError(why % {"state": activity.get_status_display()})


def _locked(activity):
    """The activity as stored, read under a row lock: two clicks cannot both move it."""
    return Activity.objects.select_for_update().select_related("library").get(pk=activity.pk)


def _touch(*activities, was_public=False):
    """Mark the activities' months for the summaries. An activity that `was_public` before
    the change leaves the public pages at once (`core.public_cache`), not within their lag."""
    for activity in activities:
        derived.touch(activity.library_id, [activity.starts_on])
    if was_public:
        public_cache.withdrawn()


def _move(activity, user, action, change):
    """Check the action against the stored activity, apply `change` to it and save; the
    caller's `activity` is brought up to date as well."""
    with derived.changes():
        stored = _locked(activity)
        check(user, stored, action)
        was_public = stored.status == Status.PUBLISHED
        change(stored)
        stored.save(update_fields=MOVED_FIELDS)
        place_files(stored)
        _touch(stored, was_public=was_public)
    _copy_state(stored, activity)
    return activity


def _copy_state(source, target):
    for field in MOVED_FIELDS:
        attname = Activity._meta.get_field(field).attname
        setattr(target, attname, getattr(source, attname))


def _publish(activity):
    activity.status = Status.PUBLISHED
    if activity.published_at is None:
        activity.published_at = timezone.now()
    if activity.review == Review.RETURNED:
        activity.review = Review.PENDING


def _review(activity, user, review, comment=""):
    activity.review, activity.review_comment = review, comment
    activity.reviewed_by, activity.reviewed_at = user, timezone.now()


def publish(activity, user):
    return _move(activity, user, "publish", _publish)


def unpublish(activity, user):
    return _move(activity, user, "unpublish", lambda a: setattr(a, "status", Status.DRAFT))


def verify(activity, user):
    return _move(activity, user, "verify", lambda a: _review(a, user, Review.VERIFIED))


def send_back(activity, user, comment):
    """The coordinator returns the activity to its writers; it leaves the public pages until
    they fix and publish it again."""
    comment = (comment or "").strip()

    def change(activity):
        if not comment:
            raise ValidationError(_("Say what needs to change."))
        activity.status = Status.DRAFT
        _review(activity, user, Review.RETURNED, comment)

    return _move(activity, user, "send_back", change)


def save_activity(
    activity,
    user,
    *,
    publish=False,
    photos=(),
    consent=False,
    photo_changes=None,
    seen_version=None,
):
    """Save `activity` as its form filled it, new or edited, with its photos, published or
    as a draft, or nothing. `photos`: new photos prepared by `photos.prepare_photo` (checked
    and re-encoded before anything is saved), all with `consent` to publish or all without;
    `photo_changes`: the formset of its photos (captions, consent, deletions).

    A new activity with a `client_key` its writer already used is not made twice: the one
    made then is returned (a retry after a lost answer). An edit whose form was opened on
    `seen_version` raises `offline.Conflict` if the activity was saved since."""
    if activity.pk is None and activity.client_key:
        try:
            with transaction.atomic():
                return _save_activity(activity, user, publish, photos, consent, photo_changes)
        except IntegrityError:
            made = Activity.objects.filter(client_key=activity.client_key, created_by=user)
            if made.exists():
                return made.get()
            raise
    return _save_activity(
        activity, user, publish, photos, consent, photo_changes, seen_version=seen_version
    )


def _save_activity(activity, user, publish, photos, consent, photo_changes, seen_version=None):
    with derived.changes():
        if activity.pk is None:
            check(user, activity, "edit")
            activity.created_by = user
            stored = None
        else:
            stored = _locked(activity)
            check(user, stored, "edit")
            check(user, activity, "edit")  # the library it moves to, too
            check_version(stored, seen_version)
            _copy_state(stored, activity)  # as it is now, not as the form was opened
            photos_changed = bool(photos) or bool(photo_changes and photo_changes.has_changed())
            if activity.review == Review.VERIFIED and (
                photos_changed or _content(stored) != _content(activity)
            ):
                activity.review = Review.PENDING  # an edit after verification needs a new look
        if publish:
            _publish(activity)
        else:
            activity.status = Status.DRAFT
        activity.save()
        if photo_changes is not None:
            photo_changes.save()
            transaction.on_commit(partial(_delete_files, photo_changes.deleted_objects))
        for prepared in photos:
            add_photo(activity, prepared, consent_to_publish=consent)
        place_files(activity)
        was_public = stored is not None and stored.status == Status.PUBLISHED
        _touch(activity, *([stored] if stored else []), was_public=was_public)
    return activity


def save_activities(activities, user, fields, *, publish=False, batch_size=500):
    """Save many activities at once (the spreadsheet import of past activities), each already
    cleaned as its form cleans it, published or as drafts: new ones (no pk) are inserted,
    stored ones have `fields` written. The same rules as `save_activity`: the user edits each
    library, and an edit after verification awaits a new look. The summaries are refreshed
    once, at the end."""
    activities = list(activities)
    now = timezone.now()
    stored = {
        activity.pk: activity
        for activity in Activity.objects.filter(
            pk__in=[activity.pk for activity in activities if activity.pk is not None]
        ).select_related("library")
    }
    for activity in activities:
        check(user, stored.get(activity.pk, activity), "edit")
        check(user, activity, "edit")
        before = stored.get(activity.pk)
        if before is None:
            activity.created_by = user
        else:
            _copy_state(before, activity)
            if activity.review == Review.VERIFIED and _content(before) != _content(activity):
                activity.review = Review.PENDING
        if publish:
            _publish(activity)
        activity.updated_at = now
    with derived.changes():
        new = [activity for activity in activities if activity.pk is None]
        changed = [activity for activity in activities if activity.pk in stored]
        Activity.objects.bulk_create(new, batch_size=batch_size)
        record_created(new, actor=user)
        record_bulk_updated(changed, actor=user, stored=stored)
        for activity in changed:
            activity.version += 1  # as save() does: a phone holding the old one sees a conflict
        Activity.objects.bulk_update(
            changed,
            [*fields, *MOVED_FIELDS],
            batch_size=batch_size,
        )
        was_public = any(before.status == Status.PUBLISHED for before in stored.values())
        _touch(*activities, *stored.values(), was_public=was_public)
    return activities


def _content(activity):
    return [
        getattr(activity, field.attname)
        for field in Activity._meta.concrete_fields
        if field.name not in LIFECYCLE_FIELDS
    ]


def delete(activity, user):
    """Delete the activity with its photos; the files go once the deletion is committed."""
    with derived.changes():
        stored = _locked(activity)
        check(user, stored, "delete")
        photos = list(stored.photos.all())
        stored.delete()
        _touch(stored, was_public=stored.status == Status.PUBLISHED)
        transaction.on_commit(partial(_delete_files, photos))


def delete_activities(activities, user):
    """Delete several (the admin's bulk action); each library's summaries are refreshed once."""
    with derived.changes():
        for activity in activities:
            delete(activity, user)


def _delete_files(photos):
    for photo in photos:
        photo.image.delete(save=False)
        photo.thumbnail.delete(save=False)
