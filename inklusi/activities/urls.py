from django.urls import path

from . import views

app_name = "activities"
urlpatterns = [
    path("", views.activity_list, name="list"),
    path("unduh.<str:fmt>", views.activity_export, name="export"),
    path("baru/", views.activity_create, name="create"),
    path("<int:pk>/", views.activity_detail, name="detail"),
    path("<int:pk>/foto/<int:photo_pk>/", views.activity_photo, name="photo"),
    path(
        "<int:pk>/foto/<int:photo_pk>/kecil/",
        views.activity_photo,
        {"thumbnail": True},
        name="thumbnail",
    ),
    path("<int:pk>/ubah/", views.activity_edit, name="edit"),
    path("<int:pk>/terbitkan/", views.activity_publish, name="publish"),
    path("<int:pk>/tarik/", views.activity_unpublish, name="unpublish"),
    path("<int:pk>/hapus/", views.activity_delete, name="delete"),
    path("<int:pk>/verifikasi/", views.activity_verify, name="verify"),
    path("<int:pk>/kembalikan/", views.activity_send_back, name="send_back"),
]
