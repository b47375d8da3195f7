"""The clinic's admin roles: what each may do (``definitions``, the one place that says
it) and how the database is kept in line with that (``sync``: on every migrate, and
when a page the roles govern is created). Import the names from here."""

from .definitions import (
    ALL_ROLES,
    CLINICAL_REVIEWERS,
    PHYSIOTHERAPISTS,
    ROLES,
    SITE_STAFF,
    WORKFLOWS,
)
from .sync import clinical_review_workflow, govern, staff_approval_workflow

__all__ = [
    "ALL_ROLES",
    "CLINICAL_REVIEWERS",
    "PHYSIOTHERAPISTS",
    "ROLES",
    "SITE_STAFF",
    "WORKFLOWS",
    "clinical_review_workflow",
    "govern",
    "staff_approval_workflow",
]
