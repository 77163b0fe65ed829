from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import SimpleRouter

from . import views

router = SimpleRouter()
router.register("regions", views.RegionViewSet, basename="region")
router.register("libraries", views.LibraryViewSet, basename="library")
router.register("activities", views.ActivityViewSet, basename="activity")
router.register("reports", views.ReportViewSet, basename="report")
router.register("trainings", views.TrainingViewSet, basename="training")

app_name = "rest"
urlpatterns = [
    path("v1/", include(router.urls)),
    path("v1/indicators/", views.IndicatorView.as_view(), name="indicators"),
    path("v1/schema/", SpectacularAPIView.as_view(), name="schema"),
    path(
        "v1/docs/",
        SpectacularSwaggerSplitView.as_view(url_name="rest:schema", template_name="api/docs.html"),
        name="docs",
    ),
]
