"""What each of the clinic's roles may do: the one place that says it.

Read by the migrations that create the roles and by the sync that runs after every
``migrate`` (``clinic_site.roles.sync``), so changing a line here changes every install
on its next migrate. The sync only adds: a permission an administrator gave a group by
hand is kept, and one removed from this table needs a migration to take it away.

Plain data and no imports, so a migration may read it.
"""

from dataclasses import dataclass, field

PHYSIOTHERAPISTS = "Physiotherapists"
CLINICAL_REVIEWERS = "Clinical reviewers"
SITE_STAFF = "Site staff"
ALL_ROLES = (PHYSIOTHERAPISTS, CLINICAL_REVIEWERS, SITE_STAFF)

# Page types whose pages (and everything under them) the roles are given rights on.
LEARNING_CENTRE = "learning.LearningCentreIndexPage"
LEGAL_PAGE = "clinic_site.LegalPage"
HOME_PAGE = "clinic_site.HomePage"


@dataclass(frozen=True)
class Role:
    name: str
    # "app_label.codename", site-wide.
    permissions: tuple[str, ...]
    # Image permissions ("add_image", "choose_image") on the root collection: all images.
    image_permissions: tuple[str, ...] = ()
    # Page type → page actions ("add", "change", "publish", "lock", "unlock") granted on
    # every page of that type and the pages under it.
    page_permissions: dict[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class ReviewWorkflow:
    """A one-task approval workflow: `approvers` approve changes to pages of `page_types`
    and everything under them."""

    name: str
    task_model: str  # "app_label.ModelName" of the task
    approvers: str
    page_types: tuple[str, ...]


WRITING = (
    "wagtailadmin.access_admin",
    "learning.add_person",
    "learning.change_person",
    "learning.view_disclaimer",
    "learning.view_topic",
)
IMAGES = ("add_image", "choose_image")
# Exercise programmes for patients: made and kept up by clinicians, never by site staff.
PROGRAMMES = (
    "programmes.add_programme",
    "programmes.change_programme",
    "programmes.view_programme",
)

ROLES = (
    Role(
        PHYSIOTHERAPISTS,
        permissions=(*WRITING, *PROGRAMMES),
        image_permissions=IMAGES,
        page_permissions={LEARNING_CENTRE: ("add", "change")},
    ),
    Role(
        CLINICAL_REVIEWERS,
        permissions=(*WRITING, *PROGRAMMES, "learning.add_topic", "learning.change_topic"),
        image_permissions=IMAGES,
        page_permissions={LEARNING_CENTRE: ("add", "change", "publish", "lock", "unlock")},
    ),
    Role(
        SITE_STAFF,
        permissions=(
            "wagtailadmin.access_admin",
            "learning.add_disclaimer",
            "learning.change_disclaimer",
            "learning.delete_disclaimer",
            "learning.publish_disclaimer",
            "learning.view_topic",
            "learning.add_topic",
            "learning.change_topic",
            "learning.delete_topic",
            "clinic_site.change_clinicsettings",
            "learning.change_learningcentresettings",
        ),
        page_permissions={LEGAL_PAGE: ("change", "publish")},
    ),
)

WORKFLOWS = (
    ReviewWorkflow(
        "Clinical review", "learning.ClinicalReviewTask", CLINICAL_REVIEWERS, (LEARNING_CENTRE,)
    ),
    # Legal pages inherit the home page's workflow; the Learning Centre's own overrides it.
    ReviewWorkflow("Staff approval", "wagtailcore.GroupApprovalTask", SITE_STAFF, (HOME_PAGE,)),
)

# The names Django and Wagtail give the permissions the table uses, for a database where
# they do not exist yet (Django creates permissions only after all migrations have run).
PAGE_ACTION_NAMES = {
    "add": "Can add page",
    "change": "Can change page",
    "publish": "Publish any page",
    "lock": "Lock/unlock pages you've locked",
    "unlock": "Unlock any page",
}
