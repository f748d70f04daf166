from django.urls import path

from dangvu.reports import views

app_name = "reports"
urlpatterns = [
    path("", views.report_list, name="list"),
    path("new/", views.report_create, name="create"),
    path("<int:pk>/", views.report_detail, name="detail"),
    path("<int:pk>/sections/<slug:key>/", views.section_save, name="section_save"),
    path("<int:pk>/header/", views.header_save, name="header_save"),
    path("<int:pk>/download/<slug:fmt>/", views.download, name="download"),
    path("<int:pk>/submit/", views.submit, name="submit"),
    path("<int:pk>/take-number/", views.take_number, name="take_number"),
    path("<int:pk>/new-version/", views.new_version, name="new_version"),
    path("<int:pk>/delete/", views.delete, name="delete"),
    path("rounds/", views.round_list, name="rounds"),
    path("rounds/new/", views.round_create, name="round_create"),
    path("rounds/<int:pk>/", views.round_detail, name="round"),
    path("rounds/<int:pk>/start/<int:org_pk>/", views.round_start, name="round_start"),
    path("rounds/<int:pk>/compile/", views.round_compile, name="round_compile"),
    path("compile-jobs/<int:pk>/", views.compile_job, name="compile_job"),
    path("compile-jobs/<int:pk>/retry/", views.compile_job_retry, name="compile_job_retry"),
    path("sentences/", views.sentences, name="sentences"),
    path("sentences/<int:pk>/", views.sentence_edit, name="sentence_edit"),
    path("sentences/<int:pk>/reset/", views.sentence_reset, name="sentence_reset"),
]
