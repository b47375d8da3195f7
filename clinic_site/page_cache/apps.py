from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    name = "clinic_site.page_cache"
    label = "page_cache"
    verbose_name = "Page cache"

    def ready(self):
        from . import signal_handlers

        signal_handlers.register_signal_handlers()
