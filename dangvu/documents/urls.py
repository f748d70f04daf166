from django.urls import path

from dangvu.documents import views

app_name = "documents"
urlpatterns = [
    path("", views.document_list, name="list"),
    path("issue/", views.document_issue, name="issue"),
    path("receive/", views.document_receive, name="receive"),
    path("deleted/", views.trash, name="trash"),
    path("symbols/", views.symbols, name="symbols"),
    path("<int:pk>/", views.document_detail, name="detail"),
    path("<int:pk>/edit/", views.document_edit, name="edit"),
    path("<int:pk>/file/", views.document_file, name="file"),
    path("<int:pk>/delete/", views.document_delete, name="delete"),
    path("<int:pk>/restore/", views.document_restore, name="restore"),
]
