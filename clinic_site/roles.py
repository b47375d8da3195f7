"""The clinic's admin roles: the groups every install has, and what each may do where.

Migration 0003 creates the groups with their site-wide permissions (admin access,
images, people, disclaimers, clinic settings). Page permissions belong to a page
subtree, so ``clinic_site.governance`` grants them when the pages are created.
"""

PHYSIOTHERAPISTS = "Physiotherapists"
CLINICAL_REVIEWERS = "Clinical reviewers"
SITE_STAFF = "Site staff"

ALL_ROLES = (PHYSIOTHERAPISTS, CLINICAL_REVIEWERS, SITE_STAFF)

# Page permissions, by group, on the Learning Centre and every article under it.
LEARNING_CENTRE_PAGE_PERMISSIONS = {
    PHYSIOTHERAPISTS: ("add", "change"),
    CLINICAL_REVIEWERS: ("add", "change", "publish", "lock", "unlock"),
}

# Page permissions, by group, on each legal page (terms of use, privacy notice).
LEGAL_PAGE_PERMISSIONS = {
    SITE_STAFF: ("change", "publish"),
}
