from django.urls import path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import SimpleRouter

from dangvu.api import views
from dangvu.api.auth import TokenView

app_name = "api"
router = SimpleRouter()
router.register("organizations", views.OrganizationViewSet, basename="organization")
router.register("members", views.MemberViewSet, basename="member")
urlpatterns = [
    # Behind a login: SPECTACULAR_SETTINGS["SERVE_PERMISSIONS"].
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # The same reference as a page to read, for the staff who connect other systems.
    path("docs/", views.api_docs, name="docs"),
    path("token/", TokenView.as_view(), name="token"),
    *router.urls,
]
