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
    path("<int:pk>/send/", views.document_send, name="send"),
    path("<int:pk>/unread/", views.document_unread, name="unread"),
    # The member's pages (portal accounts): the documents sent to them.
    path("my/", views.my_documents, name="my_list"),
    path("my/<int:pk>/", views.my_document, name="my_detail"),
    path("my/<int:pk>/file/", views.my_document_file, name="my_file"),
    path("my/<int:pk>/read/", views.my_document_read, name="my_read"),
    path("my/<int:pk>/send-to-cell/", views.my_document_send_to_cell, name="my_send_to_cell"),
]
