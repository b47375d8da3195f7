"""Editor panels: read-only information, and inline lists a draft may leave unfinished."""

from modelcluster.forms import BaseChildFormSet
from wagtail.admin.panels import InlinePanel, Panel

# The formset's own fields, which say nothing about what the editor wrote in a row.
FORMSET_FIELDS = ("id", "ORDER", "DELETE")


class DraftChildFormSet(BaseChildFormSet):
    """While a draft is saved (deferred validation), a row the editor left blank is
    dropped as if deleted, rather than refused. Publishing and submitting still
    validate every row and the panel's min_num."""

    @staticmethod
    def is_blank(form):
        return not any(form[name].value() for name in form.fields if name not in FORMSET_FIELDS)

    def _should_delete_form(self, form):
        if super()._should_delete_form(form):
            return True
        # Remembered, so the row stays dropped when the form is saved after Wagtail
        # restores the required fields.
        if getattr(form, "is_deferred_validation", False) and self.is_blank(form):
            form.left_blank_in_draft = True
        return getattr(form, "left_blank_in_draft", False)


class DraftInlinePanel(InlinePanel):
    """An InlinePanel whose blank rows a draft may leave (see DraftChildFormSet)."""

    def get_form_options(self):
        options = super().get_form_options()
        options["formsets"][self.relation_name]["formset"] = DraftChildFormSet
        return options


class ReadingLevelPanel(Panel):
    """The article's reading grade, overall and per section, against the clinic's target."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "learning/panels/reading_level.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            site_page = page if page.pk else getattr(self.form, "parent_page", None)
            target = (
                page.learning_settings(None if page.pk else site_page).target_reading_grade
                if site_page
                else None
            )
            overall = page.compute_reading_grade() if page.body else None
            context.update(
                {
                    "target": target,
                    "overall": overall,
                    "sections": page.section_reading_grades(),
                    "above_target": overall is not None and target is not None and overall > target,
                }
            )
            return context
