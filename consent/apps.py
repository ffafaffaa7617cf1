from django.apps import AppConfig


class ConsentConfig(AppConfig):
    name = "consent"
    verbose_name = "Cookie consent and statistics"

    def ready(self) -> None:
        from consent import statistics

        statistics.connect_flush()
