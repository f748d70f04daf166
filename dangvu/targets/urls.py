from django.urls import path

from dangvu.targets import views

app_name = "targets"
urlpatterns = [
    path("", views.terms, name="terms"),
    path("new/", views.term_create, name="term_create"),
    path("import/", views.appendix_import, name="import"),
    path("import/confirm/", views.appendix_import_confirm, name="import_confirm"),
    path("<int:pk>/", views.term_detail, name="term"),
    path("<int:term_pk>/targets/new/", views.target_edit, name="target_create"),
    path("<int:term_pk>/targets/<int:pk>/", views.target_edit, name="target_edit"),
    path("target/<int:pk>/actuals/", views.manual_actuals, name="manual_actuals"),
    path("target/<int:pk>/delete/", views.target_delete, name="target_delete"),
    path("target/<int:pk>/restore/", views.target_restore, name="target_restore"),
]
