from django.apps import AppConfig


class LibConfig(AppConfig):
    name = "dangvu.lib"
    verbose_name = "Shared helpers"

    def ready(self) -> None:
        from dangvu.lib import bounds, search

        search.register()
        # Ids and counts too large for the database are "not found" or a form error, never a server error.
        bounds.install()
