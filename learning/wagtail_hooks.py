from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .snippets import Disclaimer


class DisclaimerViewSet(SnippetViewSet):
    model = Disclaimer
    icon = "warning"
    menu_label = "Disclaimers"
    add_to_admin_menu = True
    menu_order = 300
    list_display = ["name", "kind", "live"]
    list_filter = ["kind", "live"]


register_snippet(DisclaimerViewSet)
