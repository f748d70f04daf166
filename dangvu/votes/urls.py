from dangvu.votes import urls_confidence, urls_congress

app_name = "votes"

# Confidence votes and congresses keep their own paths (two modules, so each part grows without touching the other).
urlpatterns = [*urls_confidence.urlpatterns, *urls_congress.urlpatterns]
