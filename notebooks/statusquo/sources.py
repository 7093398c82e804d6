"""Cite sources from data/sources.csv as a readable list (the "Sources used" section of a notebook)."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from .data import load


def source_list(source_ids: Iterable[str]) -> str:
    """Markdown bullet list of the given sources, by publisher: publisher, title, date, link, when read.

    Raises KeyError naming any id that is not in data/sources.csv, so a notebook cannot cite a source
    the bundle does not list.
    """
    wanted = sorted(set(source_ids))
    sources = load("sources").set_index("source_id")
    unknown = [s for s in wanted if s not in sources.index]
    if unknown:
        raise KeyError(f"not in data/sources.csv: {unknown}")
    rows = sources.loc[wanted].sort_values(["publisher", "title"], kind="stable")
    lines = []
    for _, row in rows.iterrows():
        published = f", {row['published']:%Y-%m-%d}" if pd.notna(row["published"]) else ""
        lines.append(f"- {row['publisher']}, *{row['title']}*{published}. <{row['url']}> "
                     f"(read {row['accessed']:%Y-%m-%d})")
    return "\n".join(lines)


def cite(source_ids: Iterable[str]):
    """Display `source_list(source_ids)` as Markdown in a notebook."""
    from IPython.display import Markdown

    return Markdown(source_list(source_ids))
