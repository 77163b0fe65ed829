"""Checking and re-encoding uploaded photos.

Every uploaded image is opened with Pillow (so a renamed PDF is refused), limited in size,
turned upright from its EXIF orientation, scaled to at most IMAGE_MAX_SIDE on the long side
and saved again as JPEG without any metadata: GPS position and camera details are dropped.
"""

from io import BytesIO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import InMemoryUploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP", "GIF", "MPO"}


def check_image(upload):
    """Raise a ValidationError in the user's language if `upload` is not a usable photo."""
    limit = settings.MAX_IMAGE_UPLOAD_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("This photo is %(size)s; the largest accepted is %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            code="too_large",
        )
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            image.verify()
            kind = image.format
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise ValidationError(
            _("This file is not a photo. Choose a JPEG, PNG or WebP image."), code="not_image"
        ) from error
    if kind not in ACCEPTED_FORMATS:
        raise ValidationError(_("Choose a JPEG, PNG or WebP image."), code="format")
    upload.seek(0)


def reencode_image(upload, max_side=None, quality=82):
    """A new JPEG upload: upright, at most `max_side` pixels long, with no metadata."""
    max_side = max_side or settings.IMAGE_MAX_SIDE
    upload.seek(0)
    with Image.open(upload) as image:
        image = ImageOps.exif_transpose(image)
        image.thumbnail((max_side, max_side))
        if image.mode not in ("RGB", "L"):
            image = image.convert("RGB")
        out = BytesIO()
        image.save(out, "JPEG", quality=quality, optimize=True)
    stem = (upload.name or "photo").rsplit("/", 1)[-1].rsplit(".", 1)[0][:80] or "photo"
    size = out.tell()
    out.seek(0)
    return InMemoryUploadedFile(out, None, f"{stem}.jpg", "image/jpeg", size, None)
