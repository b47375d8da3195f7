# TEMPORARY (remove before handing over): the project urls with the handout pattern.
from django.urls import include, path

from clinic_site.urls import urlpatterns as project

urlpatterns = [*project[:-1], path("", include("clinic_site.handouts.urls")), project[-1]]
