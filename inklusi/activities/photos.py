"""Adding photos to an activity: checked, re-encoded without metadata, with a thumbnail; keeping
each photo's files public or private as the activity and the consent say."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from inklusi.core.images import check_image, reencode_sizes
from inklusi.core.storage import set_private

from .models import MAX_PHOTOS, THUMBNAIL_SIDE, ActivityPhoto


def check_photo_count(activity, adding):
    """Raise if `adding` more photos would pass the limit of MAX_PHOTOS per activity."""
    present = activity.photos.count() if activity.pk else 0
    if present + adding > MAX_PHOTOS:
        raise ValidationError(
            _("An activity holds at most %(max)s photos; it has %(present)s already.")
            % {"max": MAX_PHOTOS, "present": present},
            code="too_many_photos",
        )


def prepare_photo(upload):
    """(image, thumbnail) uploads ready to save, or a ValidationError for a bad file.

    Call it before saving anything, so a bad photo leaves the whole form unsaved."""
    check_image(upload)
    image, thumbnail = reencode_sizes(upload, [(None, 82), (THUMBNAIL_SIDE, 75)])
    return image, thumbnail


def add_photo(activity, prepared, caption="", consent_to_publish=False):
    image, thumbnail = prepared
    position = activity.photos.count()
    photo = ActivityPhoto(
        activity=activity,
        caption=caption,
        consent_to_publish=consent_to_publish,
        position=position,
    )
    photo.image.save(image.name, image, save=False)
    photo.thumbnail.save(thumbnail.name, thumbnail, save=False)
    photo.save()
    return photo


def place_files(activity):
    """Move each photo's files out of the private prefix if the photo is public now
    (consented, activity published), into it otherwise: unpublishing, sending back or
    withdrawing consent takes the files off their public address at once."""
    for photo in activity.photos.all():
        photo.activity = activity
        private = not photo.is_public
        moved = [set_private(photo.image, private), set_private(photo.thumbnail, private)]
        if any(moved):
            photo.save(update_fields=["image", "thumbnail"])
