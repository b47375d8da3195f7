def page_number(raw_value, last_page):
    """The nearest valid page number for whatever a patient's URL says (?page=abc, -1, 9999)."""
    try:
        number = int(raw_value)
    except (TypeError, ValueError):
        return 1
    return min(max(number, 1), last_page)
