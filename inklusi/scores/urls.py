from django.urls import path

from . import views

app_name = "scores"
urlpatterns = [
    path("", views.index, name="index"),
    path("nasional/", views.nation, name="nation"),
    path("wilayah/<str:code>/", views.region, name="region"),
    path("perpustakaan/<int:pk>/", views.library, name="library"),
]
