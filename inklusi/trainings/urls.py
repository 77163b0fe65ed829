from django.urls import path

from . import views

app_name = "trainings"
urlpatterns = [
    path("", views.training_list, name="list"),
    path("baru/", views.training_create, name="create"),
    path("komitmen/", views.commitments, name="commitments"),
    path("daftar/<str:token>/", views.register, name="register"),
    path("sertifikat/<str:number>/", views.verify, name="verify"),
    path("<int:pk>/", views.training_detail, name="detail"),
    path("<int:pk>/ubah/", views.training_edit, name="edit"),
    path("<int:pk>/kalender.ics", views.training_calendar_file, name="calendar"),
    path("<int:pk>/sesi/baru/", views.session_create, name="session_create"),
    path("<int:pk>/soal/", views.questions, name="questions"),
    path("<int:pk>/peserta/", views.participants, name="participants"),
    path("<int:pk>/peserta/tambah/", views.participant_add, name="participant_add"),
    path("<int:pk>/peserta/unduh.<str:fmt>", views.participants_export, name="export"),
    path("<int:pk>/undang/", views.invite_audience, name="invite_audience"),
    path("<int:pk>/sertifikat/terbitkan/", views.issue_certificates, name="issue_certificates"),
    path("<int:pk>/rekap/", views.results, name="results"),
    path("<int:pk>/hadir/", views.check_in, name="check_in"),
    path("<int:pk>/tes/<str:kind>/", views.take_test, name="test"),
    path("<int:pk>/evaluasi/", views.evaluation, name="evaluation"),
    path("<int:pk>/komitmen/", views.commitment, name="commitment"),
    path("<int:pk>/sertifikat.pdf", views.my_certificate, name="my_certificate"),
    path("sesi/<int:pk>/ubah/", views.session_edit, name="session_edit"),
    path("sesi/<int:pk>/hapus/", views.session_delete, name="session_delete"),
    path("sesi/<int:pk>/materi/", views.material_add, name="material_add"),
    path("sesi/<int:pk>/layar/", views.session_screen, name="screen"),
    path("sesi/<int:pk>/presensi/", views.session_attendance, name="session_attendance"),
    path("materi/<int:pk>/unduh/", views.material_download, name="material"),
    path("materi/<int:pk>/hapus/", views.material_delete, name="material_delete"),
    path("soal/<int:pk>/ubah/", views.question_edit, name="question_edit"),
    path("soal/<int:pk>/hapus/", views.question_delete, name="question_delete"),
    path(
        "peserta/<int:pk>/sertifikat.pdf",
        views.participant_certificate,
        name="participant_certificate",
    ),
]
