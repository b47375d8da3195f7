"""`<page URL>handout.pdf`: a page's printable handout.

Only a live, public page has one: for a draft, a private page (or one under a private
page) or a preview the address is a plain 404, decided in `route()` before Wagtail's
view-restriction hook could answer with a password or sign-in form instead."""

from django.http import Http404, HttpResponseNotAllowed

from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.url_routing import RouteResult

from clinic_site.handouts import handout_response
from clinic_site.seo import public_url

from .site_settings import LearningCentreSettings

HANDOUT = "handout.pdf"


class HandoutMixin(RoutablePageMixin):
    """Adds the handout route to a page type; the page itself stays at its own URL.
    The template is `learning/handouts/<model name without "page">.html`."""

    @path(HANDOUT, name="handout")
    def handout(self, request):
        if getattr(request, "is_preview", False):
            raise Http404
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        live_url = public_url(request, self.get_url(request))
        return handout_response(
            request,
            template_name=self.handout_template(),
            context=lambda: self.handout_context(request),
            filename=f"{self.slug}.pdf",
            live_url=live_url,
            # Anything else the handout shows (settings, disclaimers, people, the
            # exercises an article includes) starts a new page-cache generation when
            # it changes, and kept handouts are filed under the generation.
            cache_name=f"{self._meta.label_lower}:{self.pk}:{self.live_revision_id}",
        )

    def handout_url(self, request=None):
        return self.get_url(request) + HANDOUT

    def handout_template(self):
        return f"learning/handouts/{self._meta.model_name.removesuffix('page')}.html"

    def has_public_handout(self):
        return self.live and not self.get_view_restrictions().exists()

    def route(self, request, path_components):
        if path_components and path_components[0] == HANDOUT:
            if len(path_components) > 1 or not self.has_public_handout():
                raise Http404
            # Wagtail's routable pages match subpage paths with a trailing slash, which
            # a file name does not have: resolve it here.
            match = self.resolve_subpage("/" + HANDOUT)
            request.routable_resolver_match = match
            return RouteResult(self, args=(match.func, match.args, match.kwargs))
        return super().route(request, path_components)

    def get_cached_paths(self):
        # A front-end cache (CDN) purges the handout with the page on publish.
        return [*super().get_cached_paths(), "/" + HANDOUT]

    def handout_context(self, request):
        learning_settings = LearningCentreSettings.for_request(request)
        # Each page type says which disclaimers it shows (`disclaimers`), on paper as on screen.
        top_disclaimer, closing_note = self.disclaimers(learning_settings)
        context = {
            "page": self,
            "self": self,
            "top_disclaimer": top_disclaimer,
            "closing_note": closing_note,
        }
        if hasattr(self, "authors"):
            context["authors"] = [link.person for link in self.authors.select_related("person")]
        return context
