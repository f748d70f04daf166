from django.urls import path

from dangvu.organizations import views

app_name = "organizations"
urlpatterns = [
    path("", views.tree, name="tree"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/tree/", views.tree_children, name="tree_children"),
    path("<int:pk>/tree/members/", views.tree_members, name="tree_members"),
    path("<int:pk>/change/<slug:action>/", views.change, name="change"),
    path("<int:pk>/delete/", views.delete, name="delete"),
    path("<int:pk>/restore/", views.restore, name="restore"),
]
