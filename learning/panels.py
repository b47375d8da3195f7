"""Read-only editor panels."""

from wagtail.admin.panels import Panel


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
