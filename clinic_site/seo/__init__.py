"""What search engines and link previews read: schema.org structured data, and the
site's public address for canonical URLs and the sitemap. Infrastructure: imports
neither app's models."""

from .public_address import public_origin, public_url

__all__ = ["public_origin", "public_url"]
