from django.urls import re_path

from dangvu.lib import lookup

app_name = "lookup"

urlpatterns = [
    re_path(r"^(?P<kind>members|organizations)/$", lookup.lookup, name="search"),
]
