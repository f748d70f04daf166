from django.urls import path

from dangvu.inspections import views

app_name = "inspections"
urlpatterns = [
    path("", views.inspection_list, name="list"),
    path("new/", views.inspection_create, name="create"),
    path("<int:pk>/", views.inspection_detail, name="detail"),
    path("<int:pk>/edit/", views.inspection_edit, name="edit"),
    path("<int:pk>/delete/", views.inspection_delete, name="delete"),
    path("<int:pk>/restore/", views.inspection_restore, name="restore"),
    path("discipline/", views.discipline_list, name="discipline_list"),
    path("discipline/new/", views.discipline_create, name="discipline_create"),
    path("discipline/<int:pk>/", views.discipline_detail, name="discipline_detail"),
    path("discipline/<int:pk>/edit/", views.discipline_edit, name="discipline_edit"),
    path("discipline/<int:pk>/delete/", views.discipline_delete, name="discipline_delete"),
    path("discipline/<int:pk>/restore/", views.discipline_restore, name="discipline_restore"),
    path("letters/", views.letter_list, name="letter_list"),
    path("letters/new/", views.letter_create, name="letter_create"),
    path("letters/<int:pk>/", views.letter_detail, name="letter_detail"),
    path("letters/<int:pk>/edit/", views.letter_edit, name="letter_edit"),
    path("letters/<int:pk>/delete/", views.letter_delete, name="letter_delete"),
    path("letters/<int:pk>/restore/", views.letter_restore, name="letter_restore"),
    path("deleted/", views.trash, name="trash"),
]
