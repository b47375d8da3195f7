"""Reading grade of patient text (Flesch–Kincaid, through textstat).

Health-literacy guidance aims patient text at grade 6–8. Text is read piece by
piece (a paragraph, a list item, a heading) and each piece counts as a sentence,
so a bulleted list is not scored as one endless run-on sentence.
"""

import re

import textstat
from bs4 import BeautifulSoup

from wagtail import blocks
from wagtail.rich_text import RichText

BLOCK_LEVEL_TAGS = ["p", "li", "h2", "h3", "h4", "blockquote"]
SENTENCE_END = re.compile(r"[.!?]$")


def reading_grade(text):
    """Flesch–Kincaid grade of plain text, rounded to one decimal; None for no text."""
    if not text or not text.strip():
        return None
    return round(textstat.flesch_kincaid_grade(text), 1)


def _as_sentence(piece):
    piece = " ".join(piece.split())
    if not piece:
        return ""
    return piece if SENTENCE_END.search(piece) else f"{piece.rstrip(':;,')}."


def rich_text_pieces(html):
    soup = BeautifulSoup(html or "", "html.parser")
    elements = soup.find_all(BLOCK_LEVEL_TAGS)
    # Innermost block elements only: a <li> inside a <ul> is read once.
    leaves = [el for el in elements if not el.find(BLOCK_LEVEL_TAGS)]
    if not leaves:
        return [soup.get_text(" ")]
    return [el.get_text(" ") for el in leaves]


def block_pieces(block, value):
    """The readable pieces of a block value, in reading order."""
    if isinstance(block, blocks.RichTextBlock):
        source = value.source if isinstance(value, RichText) else str(value or "")
        return rich_text_pieces(source)
    if isinstance(block, blocks.StructBlock):
        return [
            piece
            for name, child in block.child_blocks.items()
            for piece in block_pieces(child, value.get(name))
        ]
    if isinstance(block, blocks.ListBlock):
        return [piece for item in value or [] for piece in block_pieces(block.child_block, item)]
    if isinstance(block, blocks.CharBlock | blocks.TextBlock):
        return [value] if value else []
    # Numbers, URLs and choices are not prose.
    return []


def plain_text(pieces):
    return " ".join(filter(None, (_as_sentence(piece) for piece in pieces)))
