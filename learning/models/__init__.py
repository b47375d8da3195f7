# The Learning Centre's models, split by concern; import them from here.
from ..snippets import Disclaimer, Person, Topic
from .pages import (
    ARTICLES_PER_PAGE,
    RELATED_ARTICLES,
    ArticleAuthor,
    ArticlePage,
    LearningCentreIndexPage,
    ReviewStatus,
)
from .review import ClinicalReviewTask, ReviewReminder

__all__ = [
    "ARTICLES_PER_PAGE",
    "ArticleAuthor",
    "ArticlePage",
    "ClinicalReviewTask",
    "Disclaimer",
    "LearningCentreIndexPage",
    "Person",
    "ReviewReminder",
    "ReviewStatus",
    "RELATED_ARTICLES",
    "Topic",
]
