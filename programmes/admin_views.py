"""The admin's "Exercise programmes": a physiotherapist puts a programme together,
saves it, and is shown the patient's link, its QR code and the PDF on the same page."""

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.views.generic import TemplateView

from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from .models import Programme
from .panels import PatientLinkPanel, PublishedRowsPanel

PRIVACY_NOTE = (
    "<p><strong>Never put the patient’s name, date of birth or contact details in a "
    "programme.</strong> Anyone with the link can read it. Titles and messages that look "
    "like an e-mail address or a phone number are refused.</p>"
)

EXERCISE_ROW = [
    FieldPanel("exercise", widget=forms.Select),
    MultiFieldPanel(
        [
            FieldRowPanel([FieldPanel("sets"), FieldPanel("repetitions")]),
            FieldRowPanel([FieldPanel("hold_seconds"), FieldPanel("rest_seconds")]),
            FieldRowPanel([FieldPanel("times_per_period"), FieldPanel("period")]),
        ],
        heading="Dosage for this patient",
        help_text="Leave a box empty to keep the exercise’s own dosage.",
    ),
]


class StayOnEditMixin:
    """After saving, the editor stays on the programme, where its link is shown."""

    def get_success_url(self):
        return reverse(self.edit_url_name, args=[self.object.pk])


class ProgrammeCreateView(StayOnEditMixin, generic.CreateView):
    success_message = "Programme “%(object)s” saved. Give the patient the link below."

    def save_instance(self):
        self.form.instance.created_by = self.request.user
        return super().save_instance()


class ProgrammeEditView(StayOnEditMixin, generic.EditView):
    success_message = "Programme “%(object)s” saved. Its link is unchanged."


class WithdrawView(generic.PermissionCheckedMixin, generic.WagtailAdminTemplateMixin, TemplateView):
    """Confirm, then withdraw: the link answers "no longer available" from then on."""

    model = Programme
    permission_required = "change"
    template_name = "programmes/admin/confirm_withdraw.html"
    page_title = "Withdraw programme"
    header_icon = "clipboard-list"
    edit_url_name = None

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.object = get_object_or_404(Programme, pk=kwargs["pk"])

    def get_page_subtitle(self):
        return self.object.title

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            programme=self.object,
            action_url=self.request.path,
            edit_url=reverse(self.edit_url_name, args=[self.object.pk]),
        )
        return context

    def post(self, request, *args, **kwargs):
        if not self.object.is_withdrawn:
            self.object.withdraw()
        messages.success(
            request, f"Programme “{self.object.title}” withdrawn: its link no longer works."
        )
        return redirect(self.edit_url_name, self.object.pk)


class ProgrammeViewSet(ModelViewSet):
    model = Programme
    name = "programmes"
    icon = "clipboard-list"
    menu_label = "Exercise programmes"
    menu_order = 310
    add_to_admin_menu = True
    add_view_class = ProgrammeCreateView
    edit_view_class = ProgrammeEditView
    # A copy would carry the rows' ids into the new programme; start a new one instead.
    copy_view_enabled = False
    list_display = ["title", "expires_on", "status", "created_by", "updated_at"]
    list_filter = ["expires_on"]
    search_fields = ["title"]
    search_backend_name = None
    panels = [
        HelpPanel(content=PRIVACY_NOTE, heading="Privacy"),
        PatientLinkPanel(heading="Give the patient"),
        FieldPanel("title"),
        FieldPanel("message"),
        FieldPanel("expires_on"),
        PublishedRowsPanel(
            "exercises", panels=EXERCISE_ROW, heading="Exercises", label="Exercise", min_num=1
        ),
        PublishedRowsPanel(
            "articles",
            panels=[FieldPanel("article", widget=forms.Select)],
            heading="Articles to read (optional)",
            label="Article",
        ),
    ]

    @property
    def withdraw_view(self):
        return self.construct_view(WithdrawView, edit_url_name=self.get_url_name("edit"))

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("withdraw/<int:pk>/", self.withdraw_view, name="withdraw"),
        ]
