"""`<page URL>handout.pdf`: a page's printable handout."""

from django.http import Http404

from wagtail.contrib.routable_page.models import RoutablePageMixin, path


class HandoutMixin(RoutablePageMixin):
    """Adds the handout route to a page type; the page itself stays at its own URL."""

    @path("handout.pdf", name="handout")
    def handout(self, request):
        raise Http404  # filled in by the handouts work

    def handout_url(self, request=None):
        return self.get_url(request) + self.reverse_subpage("handout")
