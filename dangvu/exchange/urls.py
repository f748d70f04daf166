from django.urls import path

from dangvu.exchange import views

app_name = "exchange"
urlpatterns = [
    path("", views.index, name="index"),
    path("upload/", views.upload, name="upload"),
    path("template/<str:kind>/", views.template, name="template"),
    path("imports/<int:pk>/", views.job, name="job"),
    path("imports/<int:pk>/columns/", views.mapping, name="mapping"),
    path("imports/<int:pk>/commit/", views.commit, name="commit"),
    path("imports/<int:pk>/retry/", views.retry, name="retry"),
    path("export/members/", views.export_members, name="export_members"),
    path("export/organizations/", views.export_organizations, name="export_organizations"),
]
