from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from dangvu import views

urlpatterns = [
    path("", views.home, name="home"),
    path("accounts/", include("dangvu.accounts.urls")),
    path("organizations/", include("dangvu.organizations.urls")),
    path("members/", include("dangvu.members.urls")),
    path("calendar/", include("dangvu.workcalendar.urls")),
    path("checker/", include("dangvu.checker.urls")),
    path("ratings/", include("dangvu.ratings.urls")),
    path("meetings/", include("dangvu.meetings.urls")),
    path("inspections/", include("dangvu.inspections.urls")),
    path("documents/", include("dangvu.documents.urls")),
    path("candidates/", include("dangvu.candidates.urls")),
    path("cadres/", include("dangvu.cadres.urls")),
    path("education/", include("dangvu.education.urls")),
    path("mass-organizations/", include("dangvu.massorgs.urls")),
    path("exchange/", include("dangvu.exchange.urls")),
    path("api/", include("dangvu.api.urls")),
    path("targets/", include("dangvu.targets.urls")),
    path("work-programme/", include("dangvu.workprogramme.urls")),
    path("dashboard/", include("dangvu.dashboard.urls")),
    path("reports/", include("dangvu.reports.urls")),
    path("handbook/", include("dangvu.portal.urls")),
    path("notifications/", include("dangvu.notifications.urls")),
    path("dues/", include("dangvu.dues.urls")),
    path("votes/", include("dangvu.votes.urls")),
    path("lookup/", include("dangvu.lib.urls")),
    path("admin/", admin.site.urls),
]
if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler400 = "dangvu.views.bad_request"
handler403 = "dangvu.views.permission_denied"
handler404 = "dangvu.views.page_not_found"
handler500 = "dangvu.views.server_error"
