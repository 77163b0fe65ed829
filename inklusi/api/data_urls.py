from django.urls import path

from . import opendata

app_name = "opendata"
urlpatterns = [
    path("indikator.csv", opendata.indicators_csv, name="csv"),
    path("indikator.json", opendata.indicators_json, name="json"),
]
