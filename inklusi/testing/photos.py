"""Test photos: a phone JPEG that carries its GPS position, and upload wrappers."""

from io import BytesIO

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

GPS_IFD = 0x8825
ORIENTATION = 0x0112


def jpeg_with_gps(size=(4000, 3000), orientation=None):
    exif = Image.Exif()
    exif[0x010F] = "KameraHP"  # camera make
    exif[GPS_IFD] = {
        1: "S",
        2: (2.0, 58.0, 33.6),
        3: "E",
        4: (104.0, 46.0, 30.1),
    }
    if orientation:
        exif[ORIENTATION] = orientation
    out = BytesIO()
    Image.new("RGB", size, (30, 140, 60)).save(out, "JPEG", exif=exif, quality=70)
    return out.getvalue()


def upload(data, name="foto.jpg", content_type="image/jpeg"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def opened(uploaded):
    uploaded.seek(0)
    return Image.open(BytesIO(uploaded.read()))


def shows(photo, response):
    """Whether a page or feed refers to the stored photo or its thumbnail (by their random
    file names, which appear in every URL of them)."""
    content = response.content.decode()
    names = (photo.image.name, photo.thumbnail.name)
    return any(name.rsplit("/", 1)[-1].split(".")[0] in content for name in names)
