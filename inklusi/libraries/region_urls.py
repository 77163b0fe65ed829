"""The region pages under /wilayah/. They show the registry by region, so their views live in
`libraries`; the region type-ahead is the `regions` app's own. One namespace, `regions:`."""

from django.urls import path

from inklusi.regions.views import search

from . import views

app_name = "regions"
urlpatterns = [
    path("", views.region_index, name="index"),
    path("cari/", search, name="search"),
    path("<str:code>/", views.region_detail, name="detail"),
]
