"""The patients' search: the Learning Centre's live articles, and editors' promoted results.

A search never dead-ends: words are matched in their simple English forms ("tucks"
finds "tuck", "stretching" finds "stretch") on SQLite too, editors' synonym groups
widen it, and a search without results offers the topics, the clinic's phone
number and a booking link.
"""

import re
import unicodedata

from django.core.paginator import Paginator
from django.db import connection
from django.shortcuts import render
from django.views.decorators.http import require_GET

from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Site
from wagtail.search.query import And, Or, PlainText
from wagtail.search.utils import normalise_query_string

from clinic_site.page_cache import cached_for_generation

from .models import ArticlePage, ExercisePage, LearningCentreIndexPage, LearningCentreSettings
from .pagination import page_number

RESULTS_PER_PAGE = 10
# Exercises matching a search, shown above the articles on the first page of results.
EXERCISES_SHOWN = 5
MAX_QUERY_LENGTH = 200
# A query of 200 characters has at most 100 words; a few alternatives each are plenty.
MAX_SYNONYM_ALTERNATIVES = 6


# Full-text search ignores punctuation, but SQLite's FTS reads quotes, brackets and
# asterisks as query syntax and fails on unbalanced ones, so only words reach the engine.
SEARCH_SYNTAX = re.compile(r"[^\w\s'-]+")

# Suffixes stripped to find a word's simple stem, longest first ("ies" before "s").
SUFFIXES = ("ies", "ing", "es", "ed", "s")
VOWELS = "aeiou"
MIN_STEM = 3


def clean_query(raw):
    """The query without control characters (PostgreSQL refuses NUL) or extra spaces."""
    printable = "".join(ch for ch in raw if unicodedata.category(ch)[0] != "C")
    return " ".join(printable.split())


def search_terms(query):
    return " ".join(SEARCH_SYNTAX.sub(" ", query).split())


def stem(word):
    """A rough English stem: "tucks" → "tuck", "stretching" → "stretch", "injuries" → "injury".

    Deliberately simple (no dictionary): it only has to bring a word's plural and
    -ing/-ed forms together; a wrong stem merely adds a form no article uses.
    """
    if word.endswith(("ss", "us", "is")):
        return word
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            base = word[: -len(suffix)]
            if suffix == "ies":
                return base + "y"
            if suffix == "es" and not base.endswith(("s", "x", "z", "ch", "sh")):
                return word[:-1]  # knees → knee, moves → move; but stretches → stretch
            # "tapping" → "tap", but "falling" stays "fall".
            if suffix in ("ing", "ed") and base[-1] == base[-2] and base[-1] not in VOWELS + "lsz":
                return base[:-1]
            return base
    return word


def word_forms(word):
    """The word and its simple variants, for engines that do not stem (SQLite's FTS5)."""
    word = word.lower()
    base = stem(word)
    if len(base) < MIN_STEM or not base.isalpha():
        return [word]
    if base.endswith("e"):  # ice: ices, iced, icing
        forms = {base, base + "s", base + "d", base[:-1] + "ing"}
    elif base.endswith("y") and base[-2] not in VOWELS:  # injury: injuries, injured
        forms = {base, base + "ing", base[:-1] + "ies", base[:-1] + "ied"}
    else:  # stretch: stretches, stretching, stretched; mov (from "moving"): move, moves
        forms = {base + ending for ending in ("", "s", "es", "ing", "ed", "e")}
        if len(base) <= 4 and base[-1] not in VOWELS + "wxy" and base[-2] in VOWELS:
            forms.update({base + base[-1] + "ing", base + base[-1] + "ed"})  # tap: tapping
    forms.discard(word)
    return [word, *sorted(forms)]


def synonym_groups(text):
    """Editors' synonym groups: one per line, comma-separated, each in lower case."""
    groups = []
    for line in (text or "").splitlines():
        words = [" ".join(search_terms(w).lower().split()) for w in line.split(",")]
        words = list(dict.fromkeys(w for w in words if w))
        if len(words) > 1:
            groups.append(words)
    return groups


def with_synonyms(terms, groups):
    """The terms, then the same terms with a synonym in place of a word or phrase in them."""
    lowered = f" {terms.lower()} "
    alternatives = [terms]
    for group in groups:
        for word in group:
            if f" {word} " not in lowered:
                continue
            for other in group:
                if other != word:
                    alternative = lowered.replace(f" {word} ", f" {other} ").strip()
                    if alternative not in alternatives:
                        alternatives.append(alternative)
    return alternatives[: MAX_SYNONYM_ALTERNATIVES + 1]


def words_query(terms, stems_needed):
    """Every word must match (as Wagtail's plain search does), each in any of its forms."""
    words = list(dict.fromkeys(terms.lower().split()))
    if not stems_needed:
        return PlainText(" ".join(words))
    parts = [Or([PlainText(form) for form in word_forms(word)]) for word in words]
    return parts[0] if len(parts) == 1 else And(parts)


def build_query(terms, synonyms_text=""):
    """The search query for these words: their forms on SQLite (PostgreSQL's English
    configuration stems by itself), OR the same words with editors' synonyms."""
    stems_needed = connection.vendor == "sqlite"
    alternatives = with_synonyms(terms, synonym_groups(synonyms_text))
    queries = [words_query(alternative, stems_needed) for alternative in alternatives]
    return queries[0] if len(queries) == 1 else Or(queries)


def learning_centre_for(site):
    centres = LearningCentreIndexPage.objects.live().public()
    if site:
        centres = centres.descendant_of(site.root_page)
    return centres.first()


def next_steps(site):
    """What a search without results offers: the Learning Centre's topics in use."""
    learning_centre = learning_centre_for(site)
    if learning_centre is None:
        return {"learning_centre": None, "topics": []}
    topics = cached_for_generation(
        f"topics-in-use:{learning_centre.pk}", lambda: list(learning_centre.topics_in_use())
    )
    return {"learning_centre": learning_centre, "topics": topics}


def promotions_for(query):
    promoted_query = Query.objects.filter(query_string=normalise_query_string(query)).first()
    if not promoted_query:
        return []
    return [
        promotion
        for promotion in promoted_query.editors_picks.select_related("page")
        if promotion.page is None or promotion.page.live
    ]


def search_results(request, site, terms):
    articles = ArticlePage.objects.live().public()
    if site:
        articles = articles.descendant_of(site.root_page)
    if not terms:
        return ArticlePage.objects.none()
    synonyms = LearningCentreSettings.for_request(request).search_synonyms
    return articles.search(build_query(terms, synonyms))


def exercise_results(request, site, terms):
    """The best few live exercises for these words, shown above the articles: a patient
    searching "knee exercises" wants the exercises themselves."""
    exercises = ExercisePage.objects.live().public()
    if site:
        exercises = exercises.descendant_of(site.root_page)
    synonyms = LearningCentreSettings.for_request(request).search_synonyms
    return list(exercises.search(build_query(terms, synonyms))[:EXERCISES_SHOWN])


@require_GET
def search(request):
    query = clean_query(request.GET.get("q", ""))
    context = {"query": query, "results_page": None, "promotions": []}
    if len(query) > MAX_QUERY_LENGTH:
        context["error"] = (
            f"Your search is too long. Please use up to {MAX_QUERY_LENGTH} characters."
        )
        context["query"] = query[:MAX_QUERY_LENGTH]
        return render(request, "learning/search.html", context, status=400)
    if query:
        site = Site.find_for_request(request)
        paginator = Paginator(search_results(request, site, search_terms(query)), RESULTS_PER_PAGE)
        context["results_page"] = paginator.page(
            page_number(request.GET.get("page"), paginator.num_pages)
        )
        context["promotions"] = promotions_for(query)
        if context["results_page"].number == 1:
            context["exercises"] = exercise_results(request, site, search_terms(query))
        if not context["results_page"].object_list and not context.get("exercises"):
            context.update(next_steps(site))
    return render(request, "learning/search.html", context)
