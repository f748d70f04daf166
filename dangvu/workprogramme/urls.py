from dangvu.workprogramme import views

app_name = "workprogramme"
urlpatterns = [*views.items.urlpatterns("")]
