from django.urls import path

from inklusi.core.public_cache import kept

from . import feeds, views

app_name = "public"
urlpatterns = [
    path("", views.region, name="index"),
    path("atom.xml", kept(feeds.AtomActivityFeed(), "feed"), name="atom"),
    path("rss.xml", kept(feeds.ActivityFeed(), "feed"), name="rss"),
    path("perpustakaan/<int:pk>/", views.library, name="library"),
    path("kegiatan/<int:pk>/", views.activity, name="activity"),
    path("cerita/<int:pk>/", views.story, name="story"),
    path("cerita/<int:pk>/foto/", views.story_photo, name="story_photo"),
    path("wilayah/<str:code>/", views.region, name="region"),
    path("wilayah/<str:code>/atom.xml", kept(feeds.AtomActivityFeed(), "feed"), name="region_atom"),
    path("wilayah/<str:code>/rss.xml", kept(feeds.ActivityFeed(), "feed"), name="region_rss"),
]
