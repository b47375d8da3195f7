from django.apps import AppConfig


class AdminSecurityConfig(AppConfig):
    name = "clinic_site.admin_security"
    label = "admin_security"
    verbose_name = "Admin sign-in security"
