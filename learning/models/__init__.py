# The Learning Centre's models, split by concern; import them from here.
from .article_page import RELATED_ARTICLES, ArticleAuthor, ArticlePage
from .index_page import ARTICLES_PER_PAGE, LearningCentreIndexPage
from .review import ClinicalReviewTask, ReviewReminder
from .site_settings import LearningCentreSettings
from .snippets import Disclaimer, Person, Topic

__all__ = [
    "ARTICLES_PER_PAGE",
    "ArticleAuthor",
    "ArticlePage",
    "ClinicalReviewTask",
    "Disclaimer",
    "LearningCentreIndexPage",
    "LearningCentreSettings",
    "Person",
    "RELATED_ARTICLES",
    "ReviewReminder",
    "Topic",
]
