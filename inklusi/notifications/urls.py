from django.urls import path

from . import views

app_name = "notifications"
urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("jumlah/", views.badge, name="badge"),
    path("<int:pk>/", views.open_notification, name="open"),
    path("baca-semua/", views.mark_all_read, name="mark_all_read"),
    path("pengaturan/", views.email_settings, name="settings"),
    path("berhenti/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("gagal/", views.failures, name="failures"),
]
