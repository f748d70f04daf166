from django.apps import AppConfig


class LibConfig(AppConfig):
    name = "lib"
    verbose_name = "Shared helpers"

    def ready(self) -> None:
        from lib import search

        search.register()
