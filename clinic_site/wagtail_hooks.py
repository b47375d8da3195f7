from wagtail import hooks

from learning.publisher import PUBLISHER_NAME_HOOK

from .models import ClinicSettings


@hooks.register(PUBLISHER_NAME_HOOK)
def clinic_name(site):
    """The Learning Centre's feed and e-mails are signed with the clinic's name."""
    return ClinicSettings.for_site(site).clinic_name if site else ""
