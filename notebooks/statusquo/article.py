"""The article as data, and how to weigh evidence: the summaries notebook 00 shows.

Two vocabularies are taught here (both written once, in statusquo.vocabulary):
- `EVIDENCE_KINDS`: the six kinds of evidence a number can be (the article says it, ... our judgement);
- `SOURCE_TIERS`: the five tiers of a source, by how close the text we read is to its origin, with what each means.

Each table's kind is declared in data/datapackage.json, as the custom property `evidence_kind` of its
resource (with a one-line `evidence_note` saying why), written by tools/build_datapackage.py.
`evidence_kind()` reads it; a table that declares none gets the default of its folder.
"""

from __future__ import annotations

import pandas as pd

from . import vocabulary
from .data import DATA_DIR, descriptor, load
from .exercises import PERCENT_AS_FRACTION, Slip, choice_exercise, numeric_exercise, prediction
from .vocabulary import (
    ACTOR_NAMINGS,
    ARTICLE_SAYS,
    ASSUMED,
    CLAIM_KINDS,
    CLAIM_TOPICS,
    EVENT_PHASES,
    EVIDENCE_KINDS,
    MEASURED,
    keyed_by,
)

# What each tier means, as notebook 00 teaches it.
SOURCE_TIERS = keyed_by(vocabulary.SOURCE_TIERS, {
    "primary": "the government, court, agency, company or author that produced it",
    "wire": "a news agency's own text (AP, Reuters, Kyodo, Jiji, AFP, Bloomberg ...)",
    "news": "an outlet's own reporting",
    "copy": "a repost or mirror of one of these",
    "secondary": "an aggregator, blog or reference site",
})
FOLDER_KINDS = {
    "article": ARTICLE_SAYS,
    "context": MEASURED,
    "assumptions": ASSUMED,
}
TIER_ORDER = list(vocabulary.SOURCE_TIERS)


# --- Evidence kinds and tiers ---------------------------------------------------------------------

def folder_of(resource: dict) -> str:
    """The folder under data/ a resource lives in ('article', 'context', 'assumptions'), or '' at top level."""
    path = resource["path"]
    return path.split("/")[0] if "/" in path else ""


def evidence_kind(resource: dict) -> tuple[str, str]:
    """(kind, why) for one resource of the data package: declared, else the folder's default.

    Raises ValueError for a declared kind that is not one of the six, so a typo cannot invent a seventh kind.
    """
    if "evidence_kind" in resource:
        kind = resource["evidence_kind"]
        if kind not in EVIDENCE_KINDS:
            raise ValueError(f"resource {resource['name']}: evidence_kind {kind!r} is not one of {list(EVIDENCE_KINDS)}")
        return kind, resource.get("evidence_note", "")
    folder = folder_of(resource)
    if folder not in FOLDER_KINDS:
        raise ValueError(f"resource {resource['name']}: no evidence kind declared and no default for folder {folder!r}")
    return FOLDER_KINDS[folder], f"default for data/{folder}/"


def evidence_inventory() -> pd.DataFrame:
    """One row per evidence table (the list of sources itself excluded): kind, why, file and size."""
    rows = []
    for resource in descriptor()["resources"]:
        if not folder_of(resource):
            continue  # data/sources.csv lists sources; it is not itself evidence of one kind
        kind, why = evidence_kind(resource)
        rows.append({
            "table": resource["name"],
            "evidence_kind": kind,
            "why": why,
            "file": f"data/{resource['path']}",
            # Counting rows only: reading the file is enough, and validating every table here would make this
            # overview the slowest cell of the notebook. Each table is validated when it is loaded.
            "rows": len(pd.read_csv(DATA_DIR / resource["path"], dtype=str, keep_default_na=False)),
        })
    return pd.DataFrame(rows)


def kinds_summary(inventory: pd.DataFrame) -> pd.DataFrame:
    """One row per evidence kind, in the order they are taught: how many tables, which, and how many rows."""
    grouped = inventory.groupby("evidence_kind", sort=False)
    summary = pd.DataFrame({
        "tables": grouped.size(),
        "rows": grouped["rows"].sum(),
        "which tables": grouped["table"].agg(", ".join),
    }).reindex(list(EVIDENCE_KINDS)).fillna({"tables": 0, "rows": 0, "which tables": ""})
    summary[["tables", "rows"]] = summary[["tables", "rows"]].astype(int)
    summary.index.name = "evidence kind"
    return summary


def tier_table() -> pd.DataFrame:
    """The five tiers with what each means and how many rows of data/sources.csv have it."""
    counts = load("sources")["tier"].value_counts()
    return pd.DataFrame({"means": SOURCE_TIERS, "sources": [int(counts.get(t, 0)) for t in TIER_ORDER]},
                        index=pd.Index(TIER_ORDER, name="tier"))


# --- The article's own tables ---------------------------------------------------------------------

def claims_by_kind_and_topic(claims: pd.DataFrame) -> pd.DataFrame:
    """Count claims per topic (rows) and kind (columns), in schema order, with totals."""
    counts = pd.crosstab(claims["topic"], claims["kind"])
    counts = counts.reindex(index=CLAIM_TOPICS, columns=CLAIM_KINDS, fill_value=0)
    counts.index.name, counts.columns.name = "topic", "kind"
    counts["total"] = counts.sum(axis=1)
    counts.loc["total"] = counts.sum(axis=0)
    return counts


def claims_alt_text(counts: pd.DataFrame) -> str:
    """Alt text for the claims heatmap, built from the counts (with totals) it draws."""
    body = counts.drop(index="total", columns="total")
    largest = body.sum(axis=1).idxmax()
    parts = [f"{topic} {int(counts.loc[topic, 'total'])}" for topic in body.index]
    kinds = ", ".join(f"{int(body.loc[largest, k])} {k}" for k in body.columns)
    risk_topics = [t for t in body.index if body.loc[t, "risk"] > 0]
    return (f"Grid of counts of the article's {int(counts.loc['total', 'total'])} statements: rows are topics, "
            f"columns are kinds. Statements per topic: {', '.join(parts)}. The largest topic, {largest}, holds "
            f"{kinds}. Risks appear only under: {', '.join(risk_topics)}.")


def who_is_who(actors: pd.DataFrame) -> pd.DataFrame:
    """People and groups (not states), with how the article refers to them, named ones first."""
    order = {naming: rank for rank, naming in enumerate(ACTOR_NAMINGS)}
    people = actors[actors["actor_type"] != "state"].copy()
    people["_order"] = people["naming"].map(order)
    people = people.sort_values(["_order", "actor_type", "name"], kind="stable")
    return people[["name", "role", "naming", "paragraphs"]].reset_index(drop=True)


def timeline_alt_text(events: pd.DataFrame, split: pd.Timestamp) -> str:
    """Alt text for the two-panel timeline, listing every event with its date from the table."""
    def listed(part: pd.DataFrame) -> str:
        part = part.sort_values("date", kind="stable")
        return "; ".join(f"{row.title} ({row.date:%d %b %Y})" for row in part.itertuples())

    before, after = events[events["date"] < split], events[events["date"] >= split]
    return (f"Two-panel timeline of {len(events)} events. Left, before {split:%d %B %Y}: {listed(before)}. "
            f"Right, the final week: {listed(after)}.")


def timeline_figure(events: pd.DataFrame, split: pd.Timestamp):
    """The run-up in two panels (before `split`, and the final week), with alt text listing every event."""
    import matplotlib.pyplot as plt

    from . import plots

    phases = EVENT_PHASES
    fig, (ax_months, ax_week) = plt.subplots(1, 2, figsize=(12, 7), width_ratios=[1.05, 1], layout="constrained")
    plots.timeline(ax_months, events[events["date"] < split], group="phase", groups=phases, wrap=15)
    plots.timeline(ax_week, events[events["date"] >= split], group="phase", groups=phases, wrap=15)
    ax_months.set_title(f"{events['date'].min():%B %Y} – {split - pd.Timedelta(days=1):%B %Y}")
    first_day = split + pd.Timedelta(days=1)
    ax_week.set_title(f"The final week: {first_day.day}–{events['date'].max():%-d %B %Y}")
    ax_week.set_xlim(split + pd.Timedelta(hours=12), events["date"].max() + pd.Timedelta(hours=18))
    for ax in (ax_months, ax_week):
        for text in ax.texts:  # the shared timeline draws 8.5 pt labels; a projected slide needs 10 pt
            text.set_fontsize(10)
        ax.tick_params(labelsize=11)
    fig.legend(handles=plots.group_legend_handles(phases), title="Phase", loc="outside upper right", ncols=3)
    return fig, timeline_alt_text(events, split)


def event_sources(events: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """The events with the publisher and tier of the source that dates each one."""
    merged = events.merge(sources[["source_id", "publisher", "tier"]], on="source_id", how="left")
    return merged[["date", "title", "paragraph", "source_id", "publisher", "tier"]]


# --- Exercises of notebook 00 ---------------------------------------------------------------------

def _fact_share() -> float:
    claims = load("claims")
    return 100 * float((claims["kind"] == "fact").mean())


def gap_meaning(guess: float, actual: float, *, high: str, low: str, close: str, band: float = 0.25) -> str:
    """What a prediction's gap means: `close` within the band (relative), else `high` or `low`."""
    if abs(guess - actual) <= band * abs(actual):
        return close
    return high if guess > actual else low


@prediction("00.1", "your guess of the share of the article's statements that are facts, in percent",
            tolerance=0.25, minutes=2,
            meaning=lambda guess, actual: gap_meaning(
                guess, actual,
                high="You expected more facts than there are: most of a news story on the eve of a summit looks "
                     "ahead or judges.",
                low="You expected fewer facts than there are: even a forward-looking story needs a base of facts.",
                close="A good estimate: fewer than half of the statements are facts; the rest look ahead or judge."))
def _expected_00_1() -> float:
    return _fact_share()


@choice_exercise("00.2", "which reading the claims figure supports", kind="interpret", minutes=3, options={
    "A": "The article is mostly a report of facts.",
    "B": "Every risk the article names concerns the bargaining at the summit, not the alliance or trade as such.",
    "C": "Opinions outnumber expectations.",
    "D": "Trade is the topic with the most statements."},
    explanations={
    "A": "Count the fact column against the total: facts are fewer than half of the statements.",
    "B": "Right: the risk column has counts only in the bargaining row. The article's worry is the meeting.",
    "C": "Compare the two columns' totals: there are more expectations than opinions.",
    "D": "Compare the row totals: one topic holds more than half of all statements, and it is not trade."})
def _expected_00_2() -> str:
    claims = load("claims")
    risk_topics = set(claims.loc[claims["kind"] == "risk", "topic"])
    # The options are written for this pattern in the data; fail loudly if a correction breaks it.
    assert risk_topics == {"bargaining"}, f"exercise 00.2 needs every risk under bargaining, got {risk_topics}"
    return "B"


TIER_ROWS = {  # exercise 00.3: one real row of data/sources.csv per tier
    "A": "mod_wp2020_defense_spending_csv",
    "B": "kyodo_sipri_nk_2022",
    "C": "japantimes_fy2025_budget",
    "D": "intro_eo14257_copy",
    "E": "nicklotito_sipri_gdp_2024",
}


@choice_exercise("00.3", "which of five real sources is secondary", kind="concept", minutes=3, options={
    letter: f"row {source_id}" for letter, source_id in TIER_ROWS.items()},
    explanations={
    "A": "That is a file the Ministry of Defense publishes itself: it is primary, the closest you can get.",
    "B": "That is Kyodo News on its own site: a news agency's own text, so wire.",
    "C": "That is The Japan Times' own reporting: news.",
    "D": "That is another site's copy of a Federal Register text: a copy (look for the original on the Federal Register's own site).",
    "E": "Right: a personal site drawing a chart of SIPRI's data is secondary; the primary is SIPRI's own database."})
def _expected_00_3() -> str:
    sources = load("sources").set_index("source_id")
    secondary = [letter for letter, sid in TIER_ROWS.items() if sources.loc[sid, "tier"] == "secondary"]
    assert len(secondary) == 1, f"exercise 00.3 needs exactly one secondary row, got {secondary}"
    return secondary[0]


def _timeline_tier_share(tiers: set[str], per_event: bool = False) -> float:
    merged = event_sources(load("events"), load("sources"))
    rows = merged if per_event else merged.drop_duplicates("source_id")
    return 100 * float(rows["tier"].isin(tiers).mean())


@numeric_exercise("00.4", "the percent of the sources dating the timeline that are primary or wire",
                  nudge="Drop duplicate source_id values first, then take the mean of tier.isin([...]) and "
                        "turn the fraction into percent.",
                  slips=[PERCENT_AS_FRACTION,
                         Slip("counting only primary sources", lambda e: _timeline_tier_share({"primary"}),
                              "Wire counts too: a news agency's own text is close to the origin."),
                         Slip("counting events instead of distinct sources",
                              lambda e: _timeline_tier_share({"primary", "wire"}, per_event=True),
                              "Some sources date several events: keep each source_id once.")],
                  tolerance=0.01, minutes=4)
def _expected_00_4() -> float:
    return _timeline_tier_share({"primary", "wire"})


KIND_LETTERS = {"A": "a public source measured it", "B": "a source reported it", "C": "we assume it",
                "D": "our judgement"}


@choice_exercise("00.5", "the kind of evidence in the table of Trump's deficit claims", kind="concept", minutes=2,
                 options=dict(KIND_LETTERS), explanations={
    "A": "The deficit itself was measured (by the Census Bureau), but this table records what was said about it.",
    "B": "Right: a claim is a statement, reported by the outlet that heard it; check it against the measurement.",
    "C": "Nothing here is a parameter we chose.",
    "D": "The table records the claims, not our verdict on them."})
def _expected_00_5() -> str:
    resource = next(r for r in descriptor()["resources"] if r["name"] == "trade_deficit_claims")
    kind, _ = evidence_kind(resource)
    return next(letter for letter, text in KIND_LETTERS.items() if text == kind)
