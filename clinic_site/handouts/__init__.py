"""Printable PDF handouts, made with WeasyPrint from a Django template.

Infrastructure: this package imports neither app's models. A caller gives a template,
its context, the page's live address (for the QR code) and a cache name that changes
whenever the handout's own content does; the PDF is made on the first request and kept
in the page cache's current generation, so anything else that changes what patients see
(settings, disclaimers, the pages a handout includes) retires it too.

Layers, lowest first: fetcher (what WeasyPrint may read: the site's own files only) and
qr → rendering. `urls` routes `<page URL>handout.pdf` to Wagtail's page routing.
Templates extend ``handouts/base.html``; ``handouts/includes/exercise.html`` prints one
exercise, and the ``handout_tags`` library gives pictures that cannot break a handout.
"""

from .qr import qr_data_uri
from .rendering import handout_response

__all__ = ["handout_response", "qr_data_uri"]
