"""Spreadsheet exports that a spreadsheet never runs as a formula.

A title or name typed by staff ("=HYPERLINK(…)", "+1…", "@SUM(…)") would otherwise be
read by Excel or LibreOffice as a formula when the export is opened (CSV injection).
"""

from wagtail.admin.views.mixins import SpreadsheetExportMixin

# What a spreadsheet reads as the start of a formula, or skips before one.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def starts_like_a_formula(value):
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


class FormulaSafeExportMixin:
    """For a view with SpreadsheetExportMixin: CSV cells that look like formulas get a
    leading apostrophe, which spreadsheets show as text; Excel cells are text cells
    with Excel's own "text prefix" flag."""

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if export_format == SpreadsheetExportMixin.FORMAT_CSV and starts_like_a_formula(value):
            return "'" + value
        return value

    def generate_xlsx_row(self, worksheet, row_dict, date_format=None):
        for cell in super().generate_xlsx_row(worksheet, row_dict, date_format):
            if starts_like_a_formula(cell.value):
                cell.data_type = "s"
                cell.quotePrefix = True
            yield cell
