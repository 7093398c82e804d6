"""The schemas of data/datapackage.json, one module per area of the bundle.

    fields      field(), fk(), resource() and shared patterns
    sources     data/sources.csv
    article     the article's own tables (notebook 00)
    alliance    alliance dependence and the glossary's sources (notebook 01)
    trade       trade risk (notebook 02)
    bargaining  offers, packages and bargaining theory (notebooks 03 and 04)
    council     the strategy council game (notebook 05)
    aftermath   what happened next (notebook 06)

Allowed values shared with the models come from statusquo.vocabulary. tools/build_datapackage.py writes
the package; `render()` is the text it writes.
"""

from __future__ import annotations

import json

from statusquo.vocabulary import ARTICLE_DATE

from .aftermath import AFTERMATH_RESOURCES
from .alliance import ALLIANCE_RESOURCES
from .article import ARTICLE_RESOURCES
from .bargaining import BARGAINING_RESOURCES
from .council import COUNCIL_RESOURCES
from .sources import SOURCES
from .trade import TRADE_RESOURCES

RESOURCES = [SOURCES, *ARTICLE_RESOURCES, *ALLIANCE_RESOURCES, *TRADE_RESOURCES, *BARGAINING_RESOURCES,
             *AFTERMATH_RESOURCES, *COUNCIL_RESOURCES]


def datapackage() -> dict:
    """The whole descriptor, as a dict."""
    return {
        "name": "status-quo-ask",
        "title": "The Status-Quo Ask: data",
        "description": (
            f"Facts of the New York Times article of {ARTICLE_DATE} on Ishiba's first summit with Trump, "
            "paraphrased and tied to paragraphs, plus sourced public statistics and labelled assumptions."
        ),
        "profile": "tabular-data-package",
        "licenses": [{"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0",
                      "path": "https://creativecommons.org/licenses/by/4.0/"}],
        "resources": RESOURCES,
    }


def render() -> str:
    """data/datapackage.json as text: two-space indents, UTF-8 as is, one final newline."""
    return json.dumps(datapackage(), indent=2, ensure_ascii=False) + "\n"
