from django.urls import path

from dangvu.workcalendar import views

app_name = "workcalendar"
urlpatterns = [
    path("", views.holiday_list, name="list"),
    path("<int:pk>/delete/", views.holiday_delete, name="delete"),
]
