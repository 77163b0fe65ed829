"""Uploaded photos: checked, scaled, turned upright and stripped of location data."""

from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from PIL import Image, ImageFile
from PIL.JpegImagePlugin import JpegImageFile

from inklusi.core.images import check_image, reencode_image, reencode_sizes
from inklusi.testing.photos import GPS_IFD, jpeg_with_gps, opened, upload


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def test_the_test_photo_really_has_gps():
    image = Image.open(BytesIO(jpeg_with_gps()))
    assert GPS_IFD in image.getexif()


def test_jpeg_comes_out_without_exif_and_gps():
    photo = upload(jpeg_with_gps())
    check_image(photo)
    result = reencode_image(photo)
    image = opened(result)
    assert image.format == "JPEG"
    assert "exif" not in image.info
    assert len(image.getexif()) == 0
    assert GPS_IFD not in image.getexif()
    assert max(image.size) <= 1600
    assert image.size == (1600, 1200)
    assert result.name == "foto.jpg"
    assert result.content_type == "image/jpeg"
    assert result.size == len(opened(result).fp.getvalue())


def test_a_sideways_photo_is_turned_upright():
    result = reencode_image(upload(jpeg_with_gps(size=(2000, 1000), orientation=6)))
    assert opened(result).size == (800, 1600)


def test_a_camera_photo_and_its_thumbnail_come_from_one_decoding_at_a_smaller_scale(
    monkeypatch,
):
    asked = []
    draft = JpegImageFile.draft
    monkeypatch.setattr(JpegImageFile, "draft", lambda self, *a: asked.append(a) or draft(self, *a))
    sideways = upload(jpeg_with_gps(size=(4000, 3000), orientation=6))
    photo, thumbnail = reencode_sizes(sideways, [(None, 82), (480, 75)])
    assert opened(photo).size == (1200, 1600)
    assert opened(thumbnail).size == (360, 480)
    assert GPS_IFD not in opened(thumbnail).getexif()
    # One decoding, told to scale the JPEG down (to 2000 x 1500) before turning it upright.
    assert asked == [("RGB", (1600, 1200))]


def test_a_small_photo_is_not_enlarged():
    out = BytesIO()
    Image.new("RGB", (640, 480), "blue").save(out, "JPEG")
    assert opened(reencode_image(upload(out.getvalue()))).size == (640, 480)


def test_png_with_alpha_converts_to_jpeg_on_white():
    image = Image.new("RGBA", (3200, 800), (0, 0, 0, 0))  # fully transparent black
    image.paste((200, 0, 0, 255), (0, 0, 100, 100))
    out = BytesIO()
    image.save(out, "PNG")
    photo = upload(out.getvalue(), name="logo perpus.png", content_type="image/png")
    check_image(photo)
    result = opened(reencode_image(photo))
    assert result.format == "JPEG"
    assert result.mode == "RGB"
    assert result.size == (1600, 400)
    assert min(result.getpixel((1000, 300))) > 245  # transparent became white, not black


@pytest.mark.parametrize("mode", ["P", "LA", "L", "CMYK"])
def test_other_modes_convert(mode):
    out = BytesIO()
    fmt = "JPEG" if mode == "CMYK" else "PNG"
    Image.new(mode, (50, 40)).save(out, fmt)
    result = opened(reencode_image(upload(out.getvalue())))
    assert result.mode in ("RGB", "L")


def test_webp_and_gif_are_accepted():
    for fmt in ("WEBP", "GIF"):
        out = BytesIO()
        Image.new("RGB", (30, 30), "red").save(out, fmt)
        photo = upload(out.getvalue(), name=f"x.{fmt.lower()}")
        check_image(photo)
        assert opened(reencode_image(photo)).format == "JPEG"


def test_a_text_file_renamed_jpg_is_refused():
    photo = upload(b"Ini bukan foto, hanya catatan rapat.\n" * 20)
    with pytest.raises(ValidationError) as error:
        check_image(photo)
    assert error.value.code == "not_image"
    assert "not a photo" in error.value.messages[0]


def test_a_truncated_jpeg_is_refused_not_a_crash():
    data = jpeg_with_gps(size=(800, 600))
    photo = upload(data[: len(data) // 2])
    with pytest.raises(ValidationError) as error:
        check_image(photo)
        reencode_image(photo)
    assert error.value.code == "not_image"


def test_a_truncated_jpeg_is_refused_even_after_weasyprint_relaxed_pillow(monkeypatch):
    monkeypatch.setattr(ImageFile, "LOAD_TRUNCATED_IMAGES", True)  # what WeasyPrint does
    data = jpeg_with_gps(size=(800, 600))
    with pytest.raises(ValidationError):
        reencode_image(upload(data[: len(data) // 2]))
    assert ImageFile.LOAD_TRUNCATED_IMAGES is True  # left as it was found


def test_an_unaccepted_format_is_refused():
    out = BytesIO()
    Image.new("RGB", (20, 20)).save(out, "BMP")
    with pytest.raises(ValidationError) as error:
        check_image(upload(out.getvalue(), name="x.bmp"))
    assert error.value.code == "format"


def test_an_oversized_file_is_refused(settings):
    settings.MAX_IMAGE_UPLOAD_BYTES = 10_000
    photo = upload(jpeg_with_gps(size=(1200, 900)))
    assert photo.size > 10_000
    with pytest.raises(ValidationError) as error:
        check_image(photo)
    assert error.value.code == "too_large"
    assert "the largest accepted is 9.8" in error.value.messages[0]


def test_a_decompression_bomb_is_refused():
    out = BytesIO()
    Image.new("1", (20_000, 20_000)).save(out, "PNG")  # 400 megapixels in a few kB
    with pytest.raises(ValidationError) as error:
        check_image(upload(out.getvalue(), name="bom.png"))
    assert error.value.code in ("not_image", "too_many_pixels")
