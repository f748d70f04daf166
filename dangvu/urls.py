from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from dangvu import views

urlpatterns = [
    path("", views.home, name="home"),
    path("accounts/", include("accounts.urls")),
    path("organizations/", include("organizations.urls")),
    path("members/", include("members.urls")),
    path("calendar/", include("workcalendar.urls")),
    path("checker/", include("checker.urls")),
    path("ratings/", include("ratings.urls")),
    path("meetings/", include("meetings.urls")),
    path("inspections/", include("inspections.urls")),
    path("documents/", include("documents.urls")),
    path("candidates/", include("candidates.urls")),
    path("cadres/", include("cadres.urls")),
    path("education/", include("education.urls")),
    path("mass-organizations/", include("massorgs.urls")),
    path("exchange/", include("exchange.urls")),
    path("api/", include("api.urls")),
    path("targets/", include("targets.urls")),
    path("dashboard/", include("dashboard.urls")),
    path("reports/", include("reports.urls")),
    path("admin/", admin.site.urls),
]
if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler400 = "dangvu.views.bad_request"
handler403 = "dangvu.views.permission_denied"
handler404 = "dangvu.views.page_not_found"
handler500 = "dangvu.views.server_error"
