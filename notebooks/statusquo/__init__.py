"""statusquo: the helper package the notebooks of "The Status-Quo Ask" import.

Modules:
    data       load(name): a table from data/, validated against data/datapackage.json
    plots      the house style and publish()/save() for reproducible figures with alt text
    exercises  self-check feedback for "Your turn" cells
    sources    cite rows of data/sources.csv as a readable list
    widgets    the refresh step every interactive panel shares
    trade      US-Japan trade data and the tariff-loss model (notebook 02)
    article    summaries of the article's own tables (notebook 00)
    alliance   the dependence index and weights panel (notebook 01)
    bargaining offers, packages, Nash bargaining, demand risk and the role-play (notebook 03)
    aftermath  what happened after the article: tariff steps, ledger, model re-run (notebook 04)
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
from . import aftermath, alliance, article, bargaining, data, exercises, plots, sources, trade, widgets  # noqa: E402
from .data import DataError, load  # noqa: E402

__all__ = ["DataError", "aftermath", "alliance", "article", "bargaining", "data", "exercises", "load", "plots", "sources", "trade", "widgets"]
