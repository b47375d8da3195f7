"""A patient's programme: /p/<token>/ and its PDF. Included before Wagtail's page tree."""

from django.urls import path

from . import views

app_name = "programme_links"

urlpatterns = [
    path("<str:token>/", views.programme_page, name="page"),
    path("<str:token>/handout.pdf", views.programme_handout, name="handout"),
]
