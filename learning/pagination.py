from django.core.paginator import Paginator
from django.utils.functional import cached_property

from clinic_site.page_cache import cached_for_generation


def page_number(raw_value, last_page):
    """The nearest valid page number for whatever a patient's URL says (?page=abc, -1, 9999)."""
    try:
        number = int(raw_value)
    except (TypeError, ValueError):
        return 1
    return min(max(number, 1), last_page)


class KeptCountPaginator(Paginator):
    """A paginator whose total is kept until content changes (a publish, unpublish or
    move starts a new page-cache generation): counting 10,000 articles took longer
    than fetching the page of them that is shown."""

    def __init__(self, object_list, per_page, count_name):
        super().__init__(object_list, per_page)
        self.count_name = count_name

    @cached_property
    def count(self):
        return cached_for_generation(f"count:{self.count_name}", lambda: Paginator.count.func(self))
