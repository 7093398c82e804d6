"""The article as data: small summaries of the tables in data/article/ used by notebook 00.

The three folders under data/ hold three kinds of evidence, and the notebooks always say which
kind a number is. `EVIDENCE_LEVELS` is the one place those labels are written.
"""

from __future__ import annotations

import pandas as pd

from .data import DATA_DIR, descriptor, load, table_info
from .exercises import exercise

EVIDENCE_LEVELS = {
    "article": "the article says it",
    "context": "a public source measured it",
    "assumptions": "we assume it",
}


def schema_enum(table: str, column: str) -> list[str]:
    """The allowed values of a column, in the order the schema lists them."""
    field = next(f for f in table_info(table).fields if f["name"] == column)
    return list(field["constraints"]["enum"])


def claims_by_kind_and_topic(claims: pd.DataFrame) -> pd.DataFrame:
    """Count claims per topic (rows) and kind (columns), in schema order, with totals."""
    counts = pd.crosstab(claims["topic"], claims["kind"])
    counts = counts.reindex(index=schema_enum("claims", "topic"), columns=schema_enum("claims", "kind"),
                            fill_value=0)
    counts.index.name, counts.columns.name = "topic", "kind"
    counts["total"] = counts.sum(axis=1)
    counts.loc["total"] = counts.sum(axis=0)
    return counts


def evidence_inventory() -> pd.DataFrame:
    """One row per table: which folder it lives in, so which kind of evidence it is, and its size."""
    rows = []
    for resource in descriptor()["resources"]:
        folder = resource["path"].split("/")[0] if "/" in resource["path"] else "(top level)"
        rows.append({
            "table": resource["name"],
            "file": f"data/{resource['path']}",
            "evidence": EVIDENCE_LEVELS.get(folder, "list of sources"),
            # Only counting rows: reading the file is enough, and validating all tables here would
            # make this overview the slowest cell of the notebook. Each table is validated when loaded.
            "rows": len(pd.read_csv(DATA_DIR / resource["path"], dtype=str, keep_default_na=False)),
        })
    return pd.DataFrame(rows)


def who_is_who(actors: pd.DataFrame) -> pd.DataFrame:
    """People and groups (not states), with how the article refers to them, named ones first."""
    order = {"named": 0, "identified_not_named": 1, "described": 2}
    people = actors[actors["actor_type"] != "state"].copy()
    people["_order"] = people["naming"].map(order)
    people = people.sort_values(["_order", "actor_type", "name"], kind="stable")
    return people[["name", "role", "naming", "paragraphs"]].reset_index(drop=True)


# --- Exercises of notebook 00 --------------------------------------------------------------------

@exercise("00.1", "how many claims in the article are risks",
          "Filter the claims table on its 'kind' column, then count the rows.")
def _risk_claims() -> int:
    return int((load("claims")["kind"] == "risk").sum())


@exercise("00.2", "which paragraph holds the most claims",
          "Count claims per paragraph with value_counts() and take the label at the top.")
def _busiest_paragraph() -> str:
    counts = load("claims")["paragraph"].value_counts()
    # A tie would make the question ambiguous; fail loudly so the exercise gets rewritten.
    assert (counts == counts.max()).sum() == 1, "exercise 00.2 needs a single busiest paragraph"
    return str(counts.idxmax())
