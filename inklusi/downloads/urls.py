from django.urls import path

from . import views

app_name = "downloads"
urlpatterns = [
    path("baru/", views.create, name="create"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/berkas/", views.fetch, name="fetch"),
]
