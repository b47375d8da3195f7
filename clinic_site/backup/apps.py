from django.apps import AppConfig


class BackupConfig(AppConfig):
    name = "clinic_site.backup"
    label = "backup"
    verbose_name = "Backup and restore"
