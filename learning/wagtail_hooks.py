from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .snippets import Disclaimer, Person


class DisclaimerViewSet(SnippetViewSet):
    model = Disclaimer
    icon = "warning"
    menu_label = "Disclaimers"
    list_display = ["name", "kind", "live"]
    list_filter = ["kind", "live"]


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    menu_label = "People"
    list_display = ["name", "profession", "credentials", "email"]


class LearningCentreSnippets(SnippetViewSetGroup):
    items = (DisclaimerViewSet, PersonViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = "Learning Centre"
    menu_order = 300


register_snippet(LearningCentreSnippets)
