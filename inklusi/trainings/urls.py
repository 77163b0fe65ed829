from django.urls import path

from .views import assessment, attendance, certificates, events, participants, sessions

app_name = "trainings"
urlpatterns = [
    path("", events.training_list, name="list"),
    path("baru/", events.training_create, name="create"),
    path("komitmen/", events.commitments, name="commitments"),
    path("daftar/<str:token>/", participants.register, name="register"),
    path("sertifikat/<str:number>/", certificates.verify, name="verify"),
    path("<int:pk>/", events.training_detail, name="detail"),
    path("<int:pk>/ubah/", events.training_edit, name="edit"),
    path("<int:pk>/kalender.ics", events.training_calendar_file, name="calendar"),
    path("<int:pk>/sesi/baru/", sessions.session_create, name="session_create"),
    path("<int:pk>/soal/", assessment.questions, name="questions"),
    path("<int:pk>/peserta/", participants.participants, name="participants"),
    path("<int:pk>/peserta/tambah/", participants.participant_add, name="participant_add"),
    path("<int:pk>/peserta/unduh.<str:fmt>", participants.participants_export, name="export"),
    path("<int:pk>/undang/", participants.invite_audience, name="invite_audience"),
    path(
        "<int:pk>/sertifikat/terbitkan/",
        certificates.issue_certificates,
        name="issue_certificates",
    ),
    path("<int:pk>/rekap/", events.results, name="results"),
    path("<int:pk>/hadir/", attendance.check_in, name="check_in"),
    path("<int:pk>/tes/<str:kind>/", assessment.take_test, name="test"),
    path("<int:pk>/evaluasi/", assessment.evaluation, name="evaluation"),
    path("<int:pk>/komitmen/", assessment.commitment, name="commitment"),
    path("<int:pk>/sertifikat.pdf", certificates.my_certificate, name="my_certificate"),
    path("sesi/<int:pk>/ubah/", sessions.session_edit, name="session_edit"),
    path("sesi/<int:pk>/hapus/", sessions.session_delete, name="session_delete"),
    path("sesi/<int:pk>/materi/", sessions.material_add, name="material_add"),
    path("sesi/<int:pk>/layar/", attendance.session_screen, name="screen"),
    path("sesi/<int:pk>/presensi/", attendance.session_attendance, name="session_attendance"),
    path("materi/<int:pk>/unduh/", sessions.material_download, name="material"),
    path("materi/<int:pk>/hapus/", sessions.material_delete, name="material_delete"),
    path("soal/<int:pk>/ubah/", assessment.question_edit, name="question_edit"),
    path("soal/<int:pk>/hapus/", assessment.question_delete, name="question_delete"),
    path(
        "peserta/<int:pk>/sertifikat.pdf",
        certificates.participant_certificate,
        name="participant_certificate",
    ),
]
