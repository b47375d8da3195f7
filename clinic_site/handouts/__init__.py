"""Printable PDF handouts, made with WeasyPrint from a Django template.

Infrastructure: this package imports neither app's models. A caller gives a template,
its context, the page's live address (for the QR code) and a cache name that changes
whenever the handout's content does; the PDF is made once per name and kept.
"""

from .rendering import handout_response

__all__ = ["handout_response"]
