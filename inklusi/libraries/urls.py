from django.urls import path

from . import views

app_name = "libraries"
urlpatterns = [
    path("", views.library_list, name="list"),
    path("unduh.<str:fmt>", views.library_export, name="export"),
    path("cari/", views.library_search, name="search"),
    path("baru/", views.library_create, name="create"),
    path("<int:pk>/", views.library_detail, name="detail"),
    path("<int:pk>/ubah/", views.library_edit, name="edit"),
]
