from django.apps import AppConfig


class ClinicSiteConfig(AppConfig):
    name = "clinic_site"
    verbose_name = "Clinic site"

    def ready(self):
        from . import governance, page_cache

        page_cache.connect_invalidation_signals()

        # Roles get their page permissions and workflows when the pages are created.
        governance.connect_signals()
