from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from inklusi.core.storage import serve_public_media

urlpatterns = [
    path("", include("inklusi.home.urls")),
    path("akun/", include("inklusi.accounts.urls")),
    path("akun/", include("inklusi.team.urls")),
    path("wilayah/", include("inklusi.libraries.region_urls")),
    path("perpustakaan/", include("inklusi.libraries.urls")),
    path("kegiatan/", include("inklusi.activities.urls")),
    path("laporan/", include("inklusi.reports.urls")),
    path("publik/", include("inklusi.public.urls")),
    path("mitra/ikhtisar/", include("inklusi.advocacy.overview_urls")),
    path("mitra/", include("inklusi.partners.urls")),
    path("advokasi/", include("inklusi.advocacy.urls")),
    path("rencana/", include("inklusi.plans.urls")),
    path("cerita/", include("inklusi.stories.urls")),
    path("bimtek/", include("inklusi.trainings.urls")),
    path("pantauan/", include("inklusi.scores.iplm_urls")),
    path("pantauan/", include("inklusi.monitoring.urls")),
    path("skor/", include("inklusi.scores.urls")),
    path("pengumuman/", include("inklusi.announcements.urls")),
    path("tanya/", include("inklusi.questions.urls")),
    path("komentar/", include("inklusi.comments.urls")),
    path("notifikasi/", include("inklusi.notifications.urls")),
    path("unduhan/", include("inklusi.downloads.urls")),
    path("", include("inklusi.surveys.urls")),
    path("akun/", include("inklusi.api.token_urls")),
    path("api/", include("inklusi.api.urls")),
    path("data/v1/", include("inklusi.api.data_urls")),
    path("impor/", include("inklusi.imports.urls")),
    path("riwayat/", include("inklusi.audit.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]

handler500 = "inklusi.home.views.server_error"

# Uploaded media: served by Django only when no web server or object store does it
# (the embedded demo); production serves MEDIA_ROOT from nginx or S3, see docs/deploy.md.
# Never the private files under media/private/ (core/storage.py).
if settings.DEBUG or settings.SERVE_MEDIA:
    urlpatterns += [path("media/<path:path>", serve_public_media)]
