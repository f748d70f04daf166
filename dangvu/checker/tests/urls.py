"""The project's URLs with the checker included (until dangvu/urls.py includes it itself)."""

from django.urls import include, path

from dangvu.urls import urlpatterns as project_urlpatterns

_included = any(getattr(p, "namespace", None) == "checker" for p in project_urlpatterns)
urlpatterns = list(project_urlpatterns)
if not _included:
    urlpatterns.append(path("checker/", include("dangvu.checker.urls")))
