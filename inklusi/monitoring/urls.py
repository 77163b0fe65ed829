from django.urls import path

from . import views

app_name = "monitoring"
urlpatterns = [
    path("", views.index, name="index"),
    path("nasional/", views.nation, name="nation"),
    path("nasional/unduh/<str:fmt>/", views.nation_export, name="nation_export"),
    path("wilayah/<str:code>/", views.region, name="region"),
    path("wilayah/<str:code>/unduh/<str:fmt>/", views.region_export, name="region_export"),
    path("perpustakaan/<int:pk>/", views.library, name="library"),
    path("perpustakaan/<int:pk>/unduh/<str:fmt>/", views.library_export, name="library_export"),
]
