"""The clinic's site settings, as the Learning Centre reads them.

ClinicSettings lives in clinic_site, whose models import this app's pages, so
this app reaches the settings model through the app registry instead of an import.
"""

from django.apps import apps


def clinic_settings_model():
    return apps.get_model("clinic_site", "ClinicSettings")


def clinic_settings_for_request(request):
    return clinic_settings_model().for_request(request)


def clinic_settings_for_site(site):
    return clinic_settings_model().for_site(site)
