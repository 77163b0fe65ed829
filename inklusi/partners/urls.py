from django.urls import path

from . import views

app_name = "partners"
urlpatterns = [
    path("", views.partner_list, name="list"),
    path("baru/", views.partner_create, name="create"),
    path("perjanjian/berakhir/", views.agreements_ending, name="agreements_ending"),
    path("perjanjian/<int:pk>/ubah/", views.agreement_edit, name="agreement_edit"),
    path("perjanjian/<int:pk>/dokumen.pdf", views.agreement_document, name="agreement_document"),
    path("kontribusi/<int:pk>/ubah/", views.contribution_edit, name="contribution_edit"),
    path("<int:pk>/", views.partner_detail, name="detail"),
    path("<int:pk>/ubah/", views.partner_edit, name="edit"),
    path("<int:pk>/perpustakaan/", views.partner_add_library, name="add_library"),
    path(
        "<int:pk>/perpustakaan/<int:library_pk>/lepas/",
        views.partner_remove_library,
        name="remove_library",
    ),
    path("<int:pk>/kontribusi/baru/", views.contribution_create, name="contribution_create"),
    path("<int:pk>/perjanjian/baru/", views.agreement_create, name="agreement_create"),
]
