"""Load scenario for Inklusi (scripts/load_test runs it against gunicorn and PostgreSQL).

Three kinds of people, in the proportions of a working day:
- village library managers (3 in 10): open their home page and lists, record an activity with a
  photo, file a monthly report;
- regency and province coordinators (1 in 10): dashboards, a region page, a workbook download;
- the public (6 in 10): the public pages, a library, an activity, the feeds.

Every write the server acknowledged (a redirect after the form) is appended to the file named
by LOAD_ACK_FILE, one line per record, so the runner can count them in the database afterwards.
"""

import io
import os
import random
import re
import uuid
from datetime import date, timedelta
from html.parser import HTMLParser

from locust import HttpUser, between, events, task
from PIL import Image, ImageFilter

PASSWORD = os.environ.get("LOAD_PASSWORD", "inklusi-demo")
MANAGERS = ["pengelola@inklusi.id"] + [f"peserta{n:02d}@contoh.id" for n in range(1, 41)]
# Each coordinator with the region they coordinate (their dashboard and workbook).
COORDINATORS = {
    "provinsi@inklusi.id": "16",
    "banyuasin@inklusi.id": "16.07",
    "palembang@inklusi.id": "16.71",
}
ACK_FILE = os.environ.get("LOAD_ACK_FILE", "load-acknowledged.txt")
_acknowledged = []


@events.test_stop.add_listener
def _write_acknowledged(**_kwargs):
    with open(ACK_FILE, "w") as out:
        out.writelines(line + "\n" for line in _acknowledged)


class FormFields(HTMLParser):
    """The fields of the first form that posts to the page itself (no `action`: not the menu's
    log-out form), with the values the page put in them, as a browser would send them."""

    def __init__(self):
        super().__init__()
        self.fields, self.selects, self._select, self._in_form = {}, {}, None, False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        posts_here = a.get("method", "").lower() == "post" and not a.get("action")
        if tag == "form" and posts_here and not self.fields:
            self._in_form = True
        if not self._in_form:
            return
        if tag == "input" and a.get("name") and a.get("type") not in ("file", "submit"):
            if a.get("type") in ("checkbox", "radio") and "checked" not in a:
                return
            self.fields[a["name"]] = a.get("value") or ""
        elif tag == "select" and a.get("name"):
            self._select = a["name"]
            self.selects[self._select] = []
        elif tag == "option" and self._select and a.get("value"):
            self.selects[self._select].append(a["value"])
            if "selected" in a:
                self.fields[self._select] = a["value"]
        elif tag == "textarea" and a.get("name"):
            self.fields[a["name"]] = ""

    def handle_endtag(self, tag):
        if tag == "select":
            if self._select and self._select not in self.fields and self.selects[self._select]:
                self.fields[self._select] = self.selects[self._select][0]
            self._select = None
        elif tag == "form" and self._in_form:
            self._in_form = False


def form_of(html):
    parser = FormFields()
    parser.feed(html)
    return parser


def photo_bytes():
    """A phone photo already resized by the app (1600 px long side), about 230 KB: fine
    detail as a camera's (noise blurred a little), not pure noise, which JPEG cannot
    compress (930 KB, far more than the phone's app sends)."""
    noise = Image.effect_noise((1600, 1200), 40).filter(ImageFilter.GaussianBlur(1.5))
    image = Image.merge("RGB", (noise, noise.rotate(180), noise.transpose(Image.FLIP_LEFT_RIGHT)))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80)
    return out.getvalue()


PHOTO = photo_bytes()


class SignedIn(HttpUser):
    abstract = True
    accounts = []

    def on_start(self):
        self.account = random.choice(list(self.accounts))
        self.client.get("/akun/masuk/", name="login page")
        self.client.post(
            "/akun/masuk/",
            {
                "username": self.account,
                "password": PASSWORD,
                "csrfmiddlewaretoken": self.client.cookies.get("csrftoken", ""),
            },
            headers={"Referer": self.host + "/akun/masuk/"},
            name="log in",
        )

    def post_form(self, url, overrides, files=None, name=None):
        page = self.client.get(url, name=name + " (form)")
        form = form_of(page.text)
        data = {**form.fields, **overrides}
        for key in ("client_key", "idempotency_key"):
            if key in data and not data[key]:
                data[key] = str(uuid.uuid4())
        with self.client.post(
            url,
            data=data,
            files=files,
            headers={"Referer": self.host + url},
            name=name,
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code in (301, 302, 303):
                response.success()
                return True
            if response.status_code == 200:
                response.success()  # the form answered with a validation message: not a write
                return False
            response.failure(f"status {response.status_code}")
            return False


class Manager(SignedIn):
    weight = 3
    wait_time = between(2, 6)
    accounts = MANAGERS

    @task(3)
    def home(self):
        self.client.get("/", name="home")

    @task(2)
    def activities(self):
        self.client.get("/kegiatan/", name="activity list")

    @task(1)
    def record_activity(self):
        title = f"Uji beban {uuid.uuid4().hex[:12]}"
        day = date.today() - timedelta(days=random.randint(1, 25))
        saved = self.post_form(
            "/kegiatan/baru/",
            {
                "title": title,
                "starts_on": day.isoformat(),
                "ends_on": day.isoformat(),
                "place": "Balai desa",
                "participants_male": str(random.randint(3, 20)),
                "participants_female": str(random.randint(3, 20)),
                "description": "Kegiatan membaca bersama untuk uji beban.",
                "photos_consent": "on",
            },
            files={"photos": ("kegiatan.jpg", PHOTO, "image/jpeg")},
            name="record activity",
        )
        if saved:
            _acknowledged.append(f"activity\t{title}")

    @task(1)
    def file_report(self):
        page = self.client.get("/laporan/baru/", name="file report (form)")
        form = form_of(page.text)
        if "month" not in form.fields:
            return
        # A month of the last two years (<input type="month">); one already filed, or before
        # the library joined, is answered with the form and its message, not written.
        back = random.randint(1, 24)
        year, month = divmod(date.today().year * 12 + date.today().month - 1 - back, 12)
        notes = f"uji {uuid.uuid4().hex}"
        data = {**form.fields, "month": f"{year}-{month + 1:02d}", "notes": notes}
        for name in re.findall(r'name="([a-z_]+)"[^>]*inputmode="numeric"', page.text):
            data[name] = str(random.randint(0, 28))
        with self.client.post(
            "/laporan/baru/",
            data=data,
            headers={"Referer": self.host + "/laporan/baru/"},
            name="file report",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code in (302, 303):
                response.success()
                _acknowledged.append(f"report\t{data['notes']}")
            elif response.status_code == 200:
                response.success()  # that month was already filed: the form says so
            else:
                response.failure(f"status {response.status_code}")


class Coordinator(SignedIn):
    weight = 1
    wait_time = between(3, 8)
    accounts = COORDINATORS

    @task(3)
    def dashboard(self):
        self.client.get("/pantauan/", name="dashboard")

    @task(2)
    def region(self):
        code = self.accounts[self.account]
        self.client.get(f"/pantauan/wilayah/{code}/", name="dashboard region")

    @task(1)
    def workbook(self):
        code = self.accounts[self.account]
        self.client.get(f"/pantauan/wilayah/{code}/unduh/xlsx/", name="region workbook")

    @task(1)
    def activities(self):
        self.client.get("/kegiatan/", name="activity list")


class Public(HttpUser):
    weight = 6
    wait_time = between(2, 8)

    @task(3)
    def front(self):
        page = self.client.get("/publik/", name="public front")
        ids = re.findall(r'href="/publik/kegiatan/(\d+)/"', page.text)
        if ids:
            self.client.get(f"/publik/kegiatan/{random.choice(ids)}/", name="public activity")

    @task(2)
    def region(self):
        self.client.get("/publik/wilayah/16.07/", name="public region")

    @task(1)
    def feed(self):
        self.client.get("/publik/atom.xml", name="public feed")
