# The Learning Centre's models, split by concern; import them from here.
from .article_page import RELATED_ARTICLES, ArticleAuthor, ArticlePage
from .exercise_library_page import ExerciseLibraryPage
from .exercise_page import Difficulty, ExerciseImage, ExercisePage, ExerciseStep
from .index_page import ARTICLES_PER_PAGE, LearningCentreIndexPage
from .review import ClinicalReviewTask, ReviewReminder
from .site_settings import LearningCentreSettings
from .snippets import Disclaimer, Person, Topic

__all__ = [
    "ARTICLES_PER_PAGE",
    "ArticleAuthor",
    "ArticlePage",
    "ClinicalReviewTask",
    "Difficulty",
    "Disclaimer",
    "ExerciseImage",
    "ExerciseLibraryPage",
    "ExercisePage",
    "ExerciseStep",
    "LearningCentreIndexPage",
    "LearningCentreSettings",
    "Person",
    "RELATED_ARTICLES",
    "ReviewReminder",
    "Topic",
]
