"""Backup and restore of the whole site: `manage.py backup_site` and `restore_site`.
The archive format is described in `archive`. Infrastructure: imports neither app's
models (it works from the app registry as Django's dumpdata does)."""
