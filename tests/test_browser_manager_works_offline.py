"""Journey: a village library manager with no signal (Chromium with the network cut). She
records an activity with a photo, closes the page, finds her draft, sends it; when the network
is back exactly one activity with its photo reaches the server, small enough for a weak link.
A lost answer on the first try still makes one record; her outbox is invisible to another
account on the phone; an activity sent back meanwhile shows the conflict instead of being
overwritten."""

import re
from datetime import date, timedelta
from io import BytesIO

import pytest
from django.urls import reverse
from django.utils import timezone
from PIL import Image, ImageFilter

from inklusi.activities import services
from inklusi.activities.models import Activity
from inklusi.testing.factories import ActivityFactory
from inklusi.trainings.models import Attendance, Registration, Session
from inklusi.trainings.tests.helpers import make_training

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CREATE = reverse("activities:create")
OUTBOX = reverse("home:outbox")
BYTES_BUDGET = 500 * 1024


@pytest.fixture
def new_phone(chromium, live_server):
    """new_phone(): a fresh 360-px phone (its own storage, as one browser profile)."""
    contexts = []

    def _new():
        context = chromium.new_context(
            viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True, locale="id-ID"
        )
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context

    yield _new
    for context in contexts:
        context.close()


def log_in(context, base, email):
    page = context.new_page()
    page.goto(base + reverse("accounts:login"))
    page.fill("input[name=username]", email)
    page.fill("input[name=password]", "rahasia-123")
    page.click("main button[type=submit]")
    page.wait_for_url(base + "/")
    return page


def ready_offline(page, path):
    """Wait until the service worker controls the app and keeps `path` for offline use."""
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.wait_for_function(
        "p => caches.open('inklusi-pages').then(c => c.match(location.origin + p))"
        ".then(hit => !!hit)",
        arg=path,
    )


def camera_photo(path):
    """A 12-megapixel photo with a camera's fine detail (noise does not compress away)."""
    noise = Image.effect_noise((4000, 3000), 40).filter(ImageFilter.GaussianBlur(1.2))
    scene = Image.merge("RGB", (noise, noise.rotate(180), noise.transpose(Image.FLIP_LEFT_RIGHT)))
    scene.save(path, "JPEG", quality=92)
    return path


def fill_activity(page, title):
    page.fill("input[name=title]", title)
    page.select_option("select[name=category]", label="Literasi dan gemar membaca")
    page.fill("input[name=starts_on]", str(date.today() - timedelta(days=1)))
    page.fill("input[name=participants_female]", "7")
    page.fill("input[name=participants_male]", "5")


def wait_for(predicate, page, what):
    for _ in range(60):
        if predicate():
            return
        page.wait_for_timeout(250)
    raise AssertionError(what)


def test_recorded_offline_sent_once_with_a_small_photo(
    people, libraries, new_phone, live_server, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    base = live_server.url
    context = new_phone()
    page = log_in(context, base, "pengelola@example.id")
    page.goto(base + CREATE)
    ready_offline(page, CREATE)
    ready_offline(page, OUTBOX)

    context.set_offline(True)
    page.goto(base + CREATE)  # from the phone's copy
    fill_activity(page, "Dongeng tanpa sinyal")
    page.set_input_files("input[name=photos]", str(camera_photo(tmp_path / "IMG_0001.jpg")))
    page.wait_for_selector(".offline-photos li")
    page.wait_for_timeout(500)  # the draft is written as she types
    page.close()

    page = context.new_page()  # the browser closed and opened again, still no signal
    page.goto(base + CREATE)
    page.wait_for_selector(".offline-photos li")
    assert page.input_value("input[name=title]") == "Dongeng tanpa sinyal"
    assert page.input_value("input[name=participants_female]") == "7"

    sent = []  # the bodies and headers of the POSTs that leave the phone

    def count(route):
        if route.request.method == "POST":
            headers = "".join(f"{k}: {v}\r\n" for k, v in route.request.headers.items())
            sent.append(len(route.request.post_data_buffer or b"") + len(headers))
        route.continue_()

    page.route(re.compile(".*" + re.escape(CREATE) + "$"), count)
    page.click("button[value=publish]")
    page.wait_for_url(base + OUTBOX)
    page.wait_for_selector("#outbox-waiting li")
    assert "Dongeng tanpa sinyal" in page.inner_text("#outbox-waiting")
    assert Activity.objects.count() == 0

    context.set_offline(False)
    page.evaluate("window.dispatchEvent(new Event('online'))")
    wait_for(lambda: Activity.objects.exists(), page, "the outbox was not sent")
    page.wait_for_selector("#outbox-empty", state="visible")
    activity = Activity.objects.get()
    assert activity.title == "Dongeng tanpa sinyal" and activity.is_published
    photo = activity.photos.get()
    with Image.open(BytesIO(photo.image.read())) as image:
        assert max(image.size) == 1600
    print(f"\nbytes sent for an activity with a 4000x3000 photo: {sum(sent)}")
    assert 0 < sum(sent) < BYTES_BUDGET
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_a_lost_answer_still_makes_one_activity(people, libraries, new_phone, live_server):
    base = live_server.url
    context = new_phone()
    page = log_in(context, base, "pengelola@example.id")
    page.goto(base + CREATE)
    ready_offline(page, OUTBOX)
    lost = []

    def handled_then_lost(route):
        if route.request.method == "POST" and not lost:
            route.fetch()  # the server saves it ...
            lost.append(True)
            route.abort()  # ... and the answer never reaches the phone
        else:
            route.continue_()

    page.route(re.compile(".*" + re.escape(CREATE) + "$"), handled_then_lost)
    fill_activity(page, "Jawaban hilang")
    page.click("button[value=draft]")
    wait_for(lambda: lost, page, "nothing was sent")
    # The phone keeps it in the outbox and sends it again; the server knows its key.
    page.wait_for_url(re.compile(r".*/(luring|kegiatan/\d+)/$"))
    wait_for(
        lambda: "/kegiatan/" in page.url or page.locator("#outbox-empty").is_visible(),
        page,
        "the outbox was not emptied",
    )
    page.goto(base + OUTBOX)
    page.wait_for_selector("#outbox-empty", state="visible")
    assert Activity.objects.filter(title="Jawaban hilang").count() == 1


def test_one_accounts_outbox_is_invisible_to_another(people, libraries, new_phone, live_server):
    base = live_server.url
    context = new_phone()
    page = log_in(context, base, "pengelola@example.id")
    page.goto(base + CREATE)
    ready_offline(page, OUTBOX)
    context.set_offline(True)
    fill_activity(page, "Milik pengelola")
    page.click("button[value=draft]")
    page.wait_for_url(base + OUTBOX)
    page.wait_for_selector("#outbox-waiting li")
    # Back online, but her sends fail (a weak link), then she hands the phone over.
    context.route(re.compile(".*" + re.escape(CREATE) + "$"), lambda route: route.abort())
    context.set_offline(False)
    page.evaluate("document.querySelector(\"form[action$='/keluar/']\").submit()")
    page.wait_for_url(re.compile(".*/masuk/$"))
    context.unroute(re.compile(".*" + re.escape(CREATE) + "$"))

    other = log_in(context, base, "banyuasin@example.id")
    other.goto(base + OUTBOX)
    other.wait_for_selector("#outbox-empty", state="visible")
    assert other.locator("#outbox-waiting li").count() == 0
    other.wait_for_timeout(1000)
    assert not Activity.objects.exists()  # never sent under the other account either


def test_a_sent_back_activity_edited_offline_shows_the_conflict(
    people, libraries, new_phone, live_server
):
    activity = ActivityFactory(library=libraries.air_batu, title="Kelas membaca")
    edit = reverse("activities:edit", args=[activity.pk])
    base = live_server.url
    context = new_phone()
    page = log_in(context, base, "pengelola@example.id")
    page.goto(base + edit)
    ready_offline(page, edit)
    ready_offline(page, OUTBOX)

    context.set_offline(True)
    page.goto(base + edit)
    page.fill("input[name=title]", "Kelas membaca nyaring")
    page.click("button[value=publish]")
    page.wait_for_url(base + OUTBOX)
    services.send_back(activity, people.regency, "Tambahkan jumlah peserta")  # meanwhile

    context.set_offline(False)
    page.evaluate("window.dispatchEvent(new Event('online'))")
    page.wait_for_selector("#outbox-waiting li")
    wait_for(
        lambda: (
            "server" in page.inner_text("#outbox-waiting").lower()
            or "diubah" in page.inner_text("#outbox-waiting").lower()
        ),
        page,
        "the conflict was not noticed",
    )
    activity.refresh_from_db()
    assert activity.title == "Kelas membaca"  # nothing overwritten
    page.click("#outbox-waiting li button >> nth=0")  # send it to compare
    page.wait_for_selector("table.conflict")
    assert "Kelas membaca nyaring" in page.inner_text(".conflict-mine")
    assert "Kelas membaca" in page.inner_text(".conflict-theirs")
    assert "Tambahkan jumlah peserta" in page.content()
    page.click("button[value=mine]")
    page.wait_for_url(base + activity.get_absolute_url())
    activity.refresh_from_db()
    assert activity.title == "Kelas membaca nyaring"


def test_a_check_in_on_a_weak_link_is_retried_and_counted_once(
    people, libraries, new_phone, live_server
):
    training = make_training(libraries.banyuasin)
    start = timezone.now() - timedelta(minutes=5)
    session = Session.objects.create(
        training=training, topic="Literasi", starts_at=start, ends_at=start + timedelta(hours=2)
    )
    Registration.objects.create(training=training, user=people.manager, library=libraries.air_batu)
    check_in = reverse("trainings:check_in", args=[training.pk])
    base = live_server.url
    context = new_phone()
    page = log_in(context, base, "pengelola@example.id")
    page.goto(base + check_in)
    tries = []

    def weak_link(route):
        if route.request.method == "POST":
            tries.append(True)
            if len(tries) == 1:
                route.fetch()  # counted on the server, the answer lost on the way back
                return route.abort()
            if len(tries) == 2:
                return route.abort()  # no signal at all
        route.continue_()

    page.route(re.compile(".*" + re.escape(check_in) + "$"), weak_link)
    page.fill("input[name=code]", session.check_in_code)
    page.click("main form button[type=submit]")
    page.wait_for_url(base + training.get_absolute_url(), timeout=30_000)
    assert len(tries) == 3
    assert Attendance.objects.filter(session=session).count() == 1
