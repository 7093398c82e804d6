"""Cite sources from data/sources.csv as a readable list (the "Sources used" section of a notebook)."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from .data import load
from .vocabulary import SOURCE_TIERS, keyed_by

TIER_NAMES = keyed_by(SOURCE_TIERS, {
    "primary": "primary source",
    "wire": "news agency's own text",
    "news": "outlet's own reporting",
    "copy": "copy of another outlet's text",
    "secondary": "secondary source",
})


def without_maths(text: str) -> str:
    """The text with dollar signs written as USD: in a notebook, two dollar signs start mathematics."""
    return text.replace("US$", "USD ").replace("$", "USD ").replace("USD  ", "USD ")


def tier_summary(tiers: pd.Series) -> str:
    """One line counting the listed sources by tier, and the share that are primary or wire, so a reader
    sees at a glance how close to their origin the notebook's sources are."""
    if tiers.empty:
        return "**No sources** listed."
    counts = tiers.value_counts()
    parts = [f"{counts.get(tier, 0)} {tier}" for tier in SOURCE_TIERS]
    close = int(tiers.isin(["primary", "wire"]).sum())
    return (f"**{len(tiers)} sources** by tier: {', '.join(parts)}; {close} of {len(tiers)} "
            f"({100 * close / len(tiers):.0f}%) are primary sources or a news agency's own text.")


def source_list(source_ids: Iterable[str]) -> str:
    """Markdown bullet list of the given sources, by publisher: publisher, title, date, link, when read,
    and the source's tier (how close the text read is to its origin).

    Raises KeyError naming any id that is not in data/sources.csv, so a notebook cannot cite a source
    the bundle does not list.
    """
    wanted = sorted(set(source_ids))
    sources = load("sources").set_index("source_id")
    unknown = [s for s in wanted if s not in sources.index]
    if unknown:
        raise KeyError(f"not in data/sources.csv: {unknown}")
    rows = sources.loc[wanted].sort_values(["publisher", "title"], kind="stable")
    lines = [tier_summary(rows["tier"]), ""]
    for _, row in rows.iterrows():
        published = f", {row['published']:%Y-%m-%d}" if pd.notna(row["published"]) else ""
        lines.append(f"- {without_maths(row['publisher'])}, *{without_maths(row['title'])}*{published}. "
                     f"<{row['url']}> (read {row['accessed']:%Y-%m-%d}; tier: {row['tier']}, "
                     f"{TIER_NAMES[row['tier']]})")
    return "\n".join(lines)


def cite(source_ids: Iterable[str]):
    """Display `source_list(source_ids)` as Markdown in a notebook."""
    from IPython.display import Markdown

    return Markdown(source_list(source_ids))
