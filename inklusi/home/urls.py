from django.urls import path

from . import offline, views

app_name = "home"
urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.health, name="health"),
    path("sw.js", offline.service_worker, name="service_worker"),
    path("manifest.webmanifest", offline.manifest, name="manifest"),
    path("luring/", offline.outbox, name="outbox"),
]
