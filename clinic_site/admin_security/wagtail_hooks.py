from django.urls import path

from wagtail import hooks

from . import views


@hooks.register("register_admin_urls")
def two_factor_urls():
    return [
        path("two-step/", views.verify, name="admin_security_verify"),
        path("two-step/set-up/", views.set_up, name="admin_security_set_up"),
    ]
