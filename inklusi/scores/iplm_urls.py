"""The regency's literacy-index (IPLM) workbook, beside the regency's dashboard
(/pantauan/wilayah/<code>/)."""

from django.urls import path

from . import views

app_name = "iplm"
urlpatterns = [
    path("wilayah/<str:code>/iplm.xlsx", views.iplm_workbook, name="regency"),
]
