"""statusquo: the helper package the notebooks of "The Status-Quo Ask" import.

Modules:
    data       load(name): a table from data/, validated against data/datapackage.json
    plots      the house style and publish()/save() for reproducible figures with alt text
    exercises  self-check feedback for "Your turn" cells
    trade      US-Japan trade data and the tariff-loss model (notebook 02)
    article    summaries of the article's own tables (notebook 00)
    alliance   the dependence index and weights panel (notebook 01)
    sources    cite rows of data/sources.csv as a readable list
"""

from . import alliance, article, data, exercises, plots, sources, trade
from .data import DataError, load

__all__ = ["DataError", "alliance", "article", "data", "exercises", "load", "plots", "sources", "trade"]
