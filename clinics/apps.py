from django.apps import AppConfig


class ClinicsConfig(AppConfig):
    name = "clinics"
    verbose_name = "Find a clinic"

    def ready(self):
        from clinics import checks  # noqa: F401  (registers the settings check)
