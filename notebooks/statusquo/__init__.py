"""statusquo: the helper package the notebooks of "The Status-Quo Ask" import.

Modules:
    data       load(name): a table from data/, validated against data/datapackage.json
    plots      the house style and publish()/save() for reproducible figures with alt text
    exercises  self-check feedback for "Your turn" cells
    article    summaries of the article's own tables (notebook 00)
"""

from . import article, data, exercises, plots
from .data import DataError, load

__all__ = ["DataError", "article", "data", "exercises", "load", "plots"]
