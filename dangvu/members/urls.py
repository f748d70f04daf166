from django.urls import path

from dangvu.members import views

app_name = "members"
urlpatterns = [
    path("", views.member_list, name="list"),
    path("new/", views.member_create, name="create"),
    path("deleted/", views.trash, name="trash"),
    path("<int:pk>/", views.member_detail, name="detail"),
    path("<int:pk>/edit/", views.member_edit, name="edit"),
    path("<int:pk>/photo/", views.member_photo, name="photo"),
    path("<int:pk>/delete/", views.member_delete, name="delete"),
    path("<int:pk>/restore/", views.member_restore, name="restore"),
    path("<int:pk>/events/<slug:kind>/", views.event_create, name="event_create"),
    path("events/<int:pk>/delete/", views.event_delete, name="event_delete"),
    path("events/<int:pk>/restore/", views.event_restore, name="event_restore"),
]
