from django.urls import path

from . import views

app_name = "surveys"
urlpatterns = [
    path("s/<str:token>/", views.answer, name="answer"),
    path("s/lanjut/<str:token>/", views.follow_up, name="follow_up"),
    path("survei/kegiatan/<int:pk>/", views.manage, name="manage"),
    path("survei/kegiatan/<int:pk>/poster.pdf", views.poster, name="poster"),
    path("survei/kegiatan/<int:pk>/kertas/", views.paper, name="paper"),
    path("survei/kegiatan/<int:pk>/tutup/", views.close, name="close"),
]
