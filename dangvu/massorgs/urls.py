from dangvu.massorgs import views

app_name = "massorgs"
urlpatterns = [
    *views.figures.urlpatterns("figures/"),
    *views.models.urlpatterns("dan-van-kheo/"),
    *views.registrations.urlpatterns("registrations/"),
]
