from django.apps import AppConfig


class ReaderstatsConfig(AppConfig):
    name = "readerstats"
    verbose_name = "Reader statistics"

    def ready(self) -> None:
        from readerstats import statistics

        statistics.connect_flush()
