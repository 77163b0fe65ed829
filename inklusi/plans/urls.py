from django.urls import path

from . import views

app_name = "plans"
urlpatterns = [
    path("", views.plan_list, name="list"),
    path("baru/", views.plan_create, name="create"),
    path("dana/", views.funding, name="funding"),
    path("dana/unduh.<str:fmt>", views.funding_export, name="funding_export"),
    path("<int:pk>/", views.plan_detail, name="detail"),
    path("<int:pk>/ubah/", views.plan_edit, name="edit"),
    path("<int:pk>/masalah/baru/", views.need_form, name="need_create"),
    path("<int:pk>/masalah/<int:need_pk>/ubah/", views.need_form, name="need_edit"),
    path("<int:pk>/kegiatan/baru/", views.activity_form, name="activity_create"),
    path("<int:pk>/kegiatan/<int:activity_pk>/ubah/", views.activity_form, name="activity_edit"),
    path(
        "<int:pk>/kegiatan/<int:activity_pk>/anggaran/baru/",
        views.line_form,
        name="line_create",
    ),
    path(
        "<int:pk>/kegiatan/<int:activity_pk>/anggaran/<int:line_pk>/ubah/",
        views.line_form,
        name="line_edit",
    ),
    path(
        "<int:pk>/kegiatan/<int:activity_pk>/realisasi/",
        views.realisation,
        name="realisation",
    ),
    path("<int:pk>/hapus/<str:kind>/<int:part_pk>/", views.part_delete, name="delete"),
    path("<int:pk>/ajukan/", views.submit_for_review, name="submit_for_review"),
    path("<int:pk>/tarik/", views.withdraw, name="withdraw"),
    path("<int:pk>/tinjau/", views.review, name="review"),
    path("<int:pk>/komentar/", views.comment, name="comment"),
    path("<int:pk>/kirim/", views.submit_to_funder, name="submit_to_funder"),
    path("<int:pk>/anggaran/<int:line_pk>/keputusan/", views.decision, name="decision"),
    path(
        "<int:pk>/anggaran/<int:line_pk>/keputusan.pdf",
        views.decision_document,
        name="decision_document",
    ),
    path("<int:pk>/proposal.<str:fmt>", views.proposal, name="proposal"),
]
