"""The partnerships and advocacy overview, at /mitra/ikhtisar/ beside the partners it counts.
It adds up partners' contributions and advocacy commitments, so it is advocacy's (which builds
on partners), in a namespace of its own."""

from django.urls import path

from . import views

app_name = "overview"
urlpatterns = [
    path("", views.overview, name="index"),
    path("<str:table>.<str:fmt>", views.overview_export, name="export"),
]
