"""Draws the picture a shared link shows when a page has no photo of its own
(inklusi/static/img/bagikan.png, 1200 × 630 as link previews expect): the favicon's two green
books on the programme's green, and the site's name. Run it again after changing it:

    .venv/bin/python scripts/make_share_image.py
"""

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 630
GREEN, WHITE, AMBER, PALE = "#0b6e4f", "#ffffff", "#f2a541", "#cfe3d8"
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
TEXT_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
TARGET = Path(__file__).resolve().parent.parent / "inklusi/static/img/bagikan.png"


def draw():
    image = Image.new("RGB", (WIDTH, HEIGHT), GREEN)
    pen = ImageDraw.Draw(image)
    # The favicon's books, 12 times larger: two pages and a shelf.
    left, top, unit = 150, 195, 12
    pen.rectangle([left, top, left + 7 * unit, top + 15 * unit], fill=WHITE)
    pen.rectangle([left + 9 * unit, top, left + 16 * unit, top + 15 * unit], fill=WHITE)
    pen.rectangle([left, top + 15 * unit, left + 16 * unit, top + 17 * unit], fill=AMBER)
    pen.text((470, 230), "Inklusi", font=ImageFont.truetype(FONT, 120), fill=WHITE)
    pen.text(
        (474, 390),
        "Perpustakaan untuk semua",
        font=ImageFont.truetype(TEXT_FONT, 44),
        fill=PALE,
    )
    # Few colours: a small palette PNG.
    return image.quantize(colors=16, dither=Image.Dither.NONE)


if __name__ == "__main__":
    draw().save(TARGET, optimize=True)
    print(TARGET, TARGET.stat().st_size, "bytes")
