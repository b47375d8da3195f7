from django.apps import AppConfig


class ClinicSiteConfig(AppConfig):
    name = "clinic_site"
    verbose_name = "Clinic site"

    def ready(self):
        from .roles import sync

        # Roles get their page permissions and workflows when the pages are created,
        # and are brought in line with their definitions after every migrate.
        sync.register_signal_handlers(self)
