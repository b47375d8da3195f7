"""schema.org structured data (JSON-LD) that tells search engines what a page is.

Pure functions of already-loaded objects: no queries, no model imports.
"""

SCHEMA = "https://schema.org"


def person(person):
    data = {"@type": "Person", "name": person.name, "jobTitle": person.profession}
    if person.credentials:
        data["honorificSuffix"] = person.credentials
    return data


def breadcrumb_list(crumbs):
    """crumbs: (name, absolute URL) pairs from the home page down."""
    return {
        "@context": SCHEMA,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": url}
            for position, (name, url) in enumerate(crumbs, start=1)
        ],
    }


def medical_web_page(article, url, authors, topics, image_url=None):
    data = {
        "@context": SCHEMA,
        "@type": "MedicalWebPage",
        "name": article.title,
        "headline": article.title,
        "description": article.summary,
        "url": url,
        "inLanguage": "en-GB",
        "audience": {"@type": "MedicalAudience", "audienceType": "Patient"},
        "author": [person(p) for p in authors],
    }
    if article.clinical_reviewer_id:
        data["reviewedBy"] = person(article.clinical_reviewer)
    if article.last_reviewed:
        data["lastReviewed"] = article.last_reviewed.isoformat()
    if article.first_published_at:
        data["datePublished"] = article.first_published_at.date().isoformat()
    if article.last_published_at:
        data["dateModified"] = article.last_published_at.date().isoformat()
    if topics:
        data["about"] = [{"@type": "Thing", "name": topic.name} for topic in topics]
    if image_url:
        data["image"] = image_url
    return data


def clinic_organisation(clinic_settings, url):
    data = {
        "@context": SCHEMA,
        "@type": ["MedicalClinic", "Physiotherapy"],
        "name": clinic_settings.clinic_name,
        "url": url,
    }
    if clinic_settings.phone:
        data["telephone"] = clinic_settings.phone
    if clinic_settings.email:
        data["email"] = clinic_settings.email
    if clinic_settings.address:
        lines = [line.strip() for line in clinic_settings.address.splitlines() if line.strip()]
        data["address"] = {"@type": "PostalAddress", "streetAddress": ", ".join(lines)}
    opening_hours = [
        part.strip()
        for part in clinic_settings.opening_hours_for_search_engines.split(",")
        if part.strip()
    ]
    if opening_hours:
        data["openingHours"] = opening_hours
    if clinic_settings.booking_url:
        data["potentialAction"] = {
            "@type": "ReserveAction",
            "target": clinic_settings.booking_url,
        }
    return data


def iso_duration(seconds):
    """ISO 8601 duration: 30 → "PT30S", 90 → "PT1M30S", 0 → "PT0S"."""
    minutes, rest = divmod(int(seconds), 60)
    parts = (f"{minutes}M" if minutes else "") + (f"{rest}S" if rest or not minutes else "")
    return f"PT{parts}"


def exercise_plan(
    *,
    name,
    description,
    url,
    dosage,
    image_url=None,
    exercise_type=None,
    body_location=None,
    reviewed_by=None,
    last_reviewed=None,
):
    """An ExercisePlan for an exercise page. `dosage` is plain values: sets, repetitions,
    hold_seconds, rest_seconds (numbers or None), and `frequency` and `summary` (the
    words patients read, made where the wording lives). `reviewed_by` is a Person-like
    object (name, profession, credentials); the review belongs to the page, so it sits
    on the MedicalWebPage the plan is the main entity of."""
    data = {
        "@context": SCHEMA,
        "@type": "ExercisePlan",
        "name": name,
        "description": description,
        "url": url,
        "inLanguage": "en-GB",
        "audience": {"@type": "MedicalAudience", "audienceType": "Patient"},
    }
    if image_url:
        data["image"] = image_url
    if exercise_type:
        data["exerciseType"] = exercise_type
    if body_location:
        # PhysicalActivity's own property for the part of the body it works.
        data["associatedAnatomy"] = {"@type": "AnatomicalStructure", "name": body_location}
    data.update(_dosage_properties(dosage))
    page = {"@type": "MedicalWebPage", "url": url}
    if reviewed_by is not None:
        page["reviewedBy"] = person(reviewed_by)
    if last_reviewed:
        page["lastReviewed"] = last_reviewed.isoformat()
    data["mainEntityOfPage"] = page
    return data


def _dosage_properties(dosage):
    data = {}
    if dosage.get("frequency"):
        data["activityFrequency"] = dosage["frequency"]
    if dosage.get("repetitions"):
        data["repetitions"] = dosage["repetitions"]
    if dosage.get("hold_seconds"):
        data["workload"] = {
            "@type": "QuantitativeValue",
            "value": dosage["hold_seconds"],
            "unitCode": "SEC",
            "unitText": "seconds held",
        }
    if dosage.get("rest_seconds") is not None:
        data["restPeriods"] = iso_duration(dosage["rest_seconds"])
    if dosage.get("summary"):
        data["additionalVariable"] = dosage["summary"]
    return data
