"""Checking and re-encoding uploaded photos.

Every uploaded image is opened with Pillow (so a renamed PDF is refused), limited in size,
turned upright from its EXIF orientation, scaled to at most IMAGE_MAX_SIDE on the long side
and saved again as JPEG without any metadata: GPS position and camera details are dropped.
"""

import warnings
from contextlib import contextmanager
from io import BytesIO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import InMemoryUploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageFile, ImageOps, UnidentifiedImageError

ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP", "GIF", "MPO"}
# More pixels than any phone photo (a 108-megapixel camera stays under it); a small file that
# claims more is a decompression bomb.
MAX_PIXELS = 120_000_000
# What Pillow raises for a file it cannot read, or one that says it is larger than it is.
_UNREADABLE = (
    UnidentifiedImageError,
    OSError,
    SyntaxError,
    ValueError,
    EOFError,
    IndexError,
    TypeError,
    Image.DecompressionBombError,
    Image.DecompressionBombWarning,
)


@contextmanager
def _strict_decoding():
    """Refuse truncated files even where another library (WeasyPrint, on import) told Pillow,
    process-wide, to accept them: an upload cut off by a bad connection must be sent again."""
    previous = ImageFile.LOAD_TRUNCATED_IMAGES
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    try:
        yield
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = previous


def _not_a_photo():
    return ValidationError(
        _("This file is not a photo. Choose a JPEG, PNG or WebP image."), code="not_image"
    )


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
        with warnings.catch_warnings(), _strict_decoding():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(upload) as image:
                kind, (width, height) = image.format, image.size
                image.verify()
    except _UNREADABLE as error:
        raise _not_a_photo() from error
    if kind not in ACCEPTED_FORMATS:
        raise ValidationError(_("Choose a JPEG, PNG or WebP image."), code="format")
    if width * height > MAX_PIXELS:
        raise ValidationError(
            _("This photo has too many pixels. Choose a smaller photo."), code="too_many_pixels"
        )
    upload.seek(0)


def reencode_image(upload, max_side=None, quality=82):
    """A new JPEG upload: upright, at most `max_side` pixels long, with no metadata.

    A file that passed `check_image` can still fail here (a truncated JPEG only fails when
    decoded): that is a ValidationError too, never a server error.
    """
    return reencode_sizes(upload, [(max_side, quality)])[0]


def reencode_sizes(upload, sizes):
    """`reencode_image` for each (max_side, quality) of `sizes`, largest first, from one
    decoding of the upload: each smaller copy is scaled from the one before it (a photo and
    its thumbnail cost one decoding, not two)."""
    upload.seek(0)
    stem = (upload.name or "photo").rsplit("/", 1)[-1].rsplit(".", 1)[0][:80] or "photo"
    made = []
    try:
        with warnings.catch_warnings(), _strict_decoding():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(upload) as image:
                # JPEG decodes at 1/2, 1/4 or 1/8 scale when asked (both sides must stay at
                # least the size asked for): less time and memory for a camera's photo.
                first_side = sizes[0][0] or settings.IMAGE_MAX_SIDE
                shrink = min(1, first_side / max(image.size))
                image.draft("RGB", tuple(max(1, int(side * shrink)) for side in image.size))
                image = _flatten(ImageOps.exif_transpose(image))
                for max_side, quality in sizes:
                    max_side = max_side or settings.IMAGE_MAX_SIDE
                    # reducing_gap: a box reduction first, then Lanczos over at least 1.5
                    # times the final size; a third of the time of Lanczos alone, same look.
                    image.thumbnail((max_side,) * 2, Image.Resampling.LANCZOS, reducing_gap=1.5)
                    out = BytesIO()
                    image.save(out, "JPEG", quality=quality, optimize=True)
                    made.append(_jpeg_upload(out, stem))
    except _UNREADABLE as error:
        raise _not_a_photo() from error
    return made


def _jpeg_upload(out, stem):
    size = out.tell()
    out.seek(0)
    return InMemoryUploadedFile(out, None, f"{stem}.jpg", "image/jpeg", size, None)


def _flatten(image):
    """RGB or greyscale; transparent parts (PNG, GIF, WebP) become white, not black."""
    if image.mode in ("RGB", "L"):
        return image
    if image.mode == "P":
        image = image.convert("RGBA")
    if image.mode in ("RGBA", "LA", "PA", "RGBa", "La"):
        image = image.convert("RGBA")
        background = Image.new("RGB", image.size, (255, 255, 255))
        background.paste(image, mask=image.getchannel("A"))
        return background
    return image.convert("RGB")
