"""What a page costs a phone on first load: its HTML plus the CSS and JS it links, compressed.

The page is fetched through the real view; the stylesheets and scripts it links from our own
static files are read from the finders (as WhiteNoise would serve them) and gzip-compressed at
level 6, which is what nginx and WhiteNoise send. Images are counted apart: they load lazily and
depend on the content.
"""

import gzip
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.staticfiles import finders

ASSET = re.compile(
    r'<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src)="(?P<url>[^"]+)"', re.IGNORECASE
)


@dataclass
class PageWeight:
    parts: list = field(default_factory=list)  # (name, raw bytes, compressed bytes)

    def add(self, name, content):
        self.parts.append((name, len(content), len(gzip.compress(content, compresslevel=6))))

    @property
    def raw(self):
        return sum(part[1] for part in self.parts)

    @property
    def compressed(self):
        return sum(part[2] for part in self.parts)


def page_weight(client, url):
    """The PageWeight of `url` fetched with `client` (logged in as needed); raises if a
    linked asset is not one of our static files or the page does not answer 200."""
    response = client.get(url)
    if response.status_code != 200:
        raise RuntimeError(f"{url} answered {response.status_code}")
    weight = PageWeight()
    html = response.content
    weight.add(url, html)
    for match in ASSET.finditer(html.decode()):
        asset = match.group("url")
        if not asset.startswith(settings.STATIC_URL):
            raise RuntimeError(f"{url} links {asset}, which is not one of our static files")
        path = finders.find(asset.removeprefix(settings.STATIC_URL).split("?")[0])
        if path is None:
            raise RuntimeError(f"{asset} is not found among the static files")
        with open(path, "rb") as file:
            weight.add(asset, file.read())
    return weight
