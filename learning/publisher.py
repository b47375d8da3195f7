"""The name the Learning Centre signs its feed and e-mails with: the clinic's.

Where the site keeps the clinic's details is the project's business, not the Learning
Centre's, so the project answers through the ``learning_publisher_name`` hook (a
function of the Wagtail site, registered in clinic_site/wagtail_hooks.py). Without one,
the Wagtail site's own name.
"""

from wagtail import hooks

PUBLISHER_NAME_HOOK = "learning_publisher_name"


def publisher_name(site):
    for name_for in hooks.get_hooks(PUBLISHER_NAME_HOOK):
        name = name_for(site)
        if name:
            return name
    return site.site_name if site else ""
