"""statusquo: the helper package the notebooks of "The Status-Quo Ask" import.

Modules:
    data          load(name): a table from data/, validated against data/datapackage.json
    table_schema  the Table Schema rules the loader applies, and DataError
    vocabulary    the allowed values and dates that the data package and the models share
    contents      the list of notebooks, in order (notebooks/contents.csv)
    plots         the house style and publish()/save() for reproducible figures with alt text
    exercises     self-check feedback for the exercises (numbers, choices, predictions)
    checkpoint    the pre-check (notebook 00) and post-check (notebook 06), and a teacher's tally
    sources       cite rows of data/sources.csv as a readable list, with their tiers
    widgets       the refresh step every interactive panel shares
    panel_list    every panel's result, draw and shell functions (read by tests and benchmarks;
                  not imported here)
    article       the article's own tables and the evidence kinds (notebook 00)
    alliance      the dependence index and weights panel (notebook 01); charts in alliance_figures
    trade         export revenue at risk from a US tariff (notebook 02); charts in trade_figures,
                  exercises in trade_exercises
    bargaining    offers and packages (notebook 03), Nash split, meeting risk and two-level game
                  (notebook 04): a subpackage
    council       the strategy council game (notebook 05); its labels and demand list in
                  council_labels, its entry form in council_form, its debrief and exercises in
                  council_debrief
    aftermath     what happened after the article: record, tariffs as applied, backtest, ledger (06)
"""

import os as _os
import tempfile as _tempfile
from pathlib import Path as _Path


def _matplotlib_can_write_its_config() -> bool:
    folder = _Path(_os.environ.get("MPLCONFIGDIR") or
                   _Path(_os.environ.get("XDG_CONFIG_HOME") or _Path.home() / ".config") / "matplotlib")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return _os.access(folder, _os.W_OK)


# On a shared or read-only install Matplotlib would warn in every setup cell that it cannot write its
# config folder; a private temporary folder is all it needs. Done before Matplotlib is imported below.
if not _matplotlib_can_write_its_config():
    _os.environ["MPLCONFIGDIR"] = _tempfile.mkdtemp(prefix="statusquo-matplotlib-")

# Imported after the Matplotlib folder is settled (above).
from . import (  # noqa: E402
    aftermath,
    alliance,
    article,
    bargaining,
    checkpoint,
    contents,
    council,
    council_debrief,
    council_form,
    data,
    exercises,
    plots,
    sources,
    trade,
    vocabulary,
    widgets,
)
from .data import DataError, load  # noqa: E402

__all__ = ["DataError", "aftermath", "alliance", "article", "bargaining", "checkpoint", "contents", "council",
           "council_debrief", "council_form", "data", "exercises", "load", "plots", "sources", "trade", "vocabulary",
           "widgets"]
