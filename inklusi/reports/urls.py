from django.urls import path

from . import views

app_name = "reports"
urlpatterns = [
    path("", views.report_list, name="list"),
    path("unduh.<str:fmt>", views.report_export, name="export"),
    path("baru/", views.report_create, name="create"),
    path("<int:pk>/", views.report_detail, name="detail"),
    path("<int:pk>/ubah/", views.report_edit, name="edit"),
    path("kepatuhan/", views.compliance, name="compliance"),
    path("kepatuhan/unduh.<str:fmt>", views.compliance_export, name="compliance_export"),
]
