from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "clinic_site.demo"
    label = "demo"
    verbose_name = "Demo clinic"
