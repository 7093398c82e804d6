"""Write data/datapackage.json from the schema definitions below.

Why a script: the JSON is long and repetitive; keeping the schemas here as Python makes each table's
fields easy to read and review, and the test suite checks that the stored JSON matches this script.
Run:  python tools/build_datapackage.py
"""

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PARAGRAPH = r"P([1-9]|1[01])"
KINDS = ["fact", "expectation", "opinion", "quote", "risk"]
TOPICS = ["alliance", "trade", "bargaining", "domestic politics", "context"]


def field(name, type_="string", description="", required=True, **constraints):
    spec = {"name": name, "type": type_, "description": description}
    if type_ == "date":
        spec["format"] = "%Y-%m-%d"
    constraints = {"required": required, **constraints}
    spec["constraints"] = constraints
    return spec


def fk(fields, resource, ref_fields):
    return {"fields": fields, "reference": {"resource": resource, "fields": ref_fields}}


def resource(name, path, title, description, fields, primary_key, foreign_keys=()):
    schema = {"fields": fields, "primaryKey": primary_key}
    if foreign_keys:
        schema["foreignKeys"] = list(foreign_keys)
    return {
        "name": name,
        "path": path,
        "title": title,
        "description": description,
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": schema,
    }


SOURCES = resource(
    "sources", "sources.csv", "Sources",
    "Every source a number or fact in the bundle rests on, with the address it was read at.",
    [
        field("source_id", description="Short key other tables cite", pattern=r"^[a-z0-9_]+$"),
        field("publisher", description="Organisation that published the source"),
        field("title", description="Title of the page or document"),
        field("url", description="Address the source was read at", pattern=r"^https://\S+$"),
        field("published", "date", "Publication date, when the source gives one", required=False),
        field("accessed", "date", "Date we read it"),
        field("kind", description="What sort of source it is",
              enum=["news article", "news report", "government", "statistics", "scholarly", "company"]),
        field("note", description="What we took from it, and any caveat", required=False),
    ],
    ["source_id"],
)

PARAGRAPHS = resource(
    "paragraphs", "article/paragraphs.csv", "Article paragraphs",
    "One paraphrased line per paragraph of the article, P1 to P11.",
    [
        field("paragraph", description="Paragraph label", enum=[f"P{i}" for i in range(1, 12)]),
        field("position", "integer", "Order in the article", minimum=1, maximum=11),
        field("summary", description="Our paraphrase of what the paragraph says"),
    ],
    ["paragraph"],
)

ACTORS = resource(
    "actors", "article/actors.csv", "Actors",
    "Everyone the article names or describes: people, groups and states.",
    [
        field("actor_id", description="Short key", pattern=r"^[a-z0-9_]+$"),
        field("name", description="Name, or a description for unnamed groups"),
        field("actor_type", description="Person, group or state", enum=["person", "group", "state"]),
        field("country", description="Country the actor belongs to, when one applies", required=False,
              enum=["Japan", "United States", "Israel", "China", "North Korea"]),
        field("role", description="Role at the time of the article"),
        field("naming", description="How the article refers to the actor",
              enum=["named", "identified_not_named", "described"]),
        field("paragraphs", description="Paragraphs that mention the actor, separated by ;",
              pattern=rf"^{PARAGRAPH}(;{PARAGRAPH})*$"),
        field("identified_by", description="Source that identifies an actor the article alludes to",
              required=False),
    ],
    ["actor_id"],
    [fk(["identified_by"], "sources", ["source_id"])],
)

CLAIMS = resource(
    "claims", "article/claims.csv", "Claims",
    "Every statement of fact, expectation, risk and opinion in the article, paraphrased.",
    [
        field("claim_id", description="Key", pattern=r"^C\d{2}$"),
        field("paragraph", description="Paragraph the claim comes from"),
        field("kind", description="What sort of statement it is", enum=KINDS),
        field("topic", description="What it is about", enum=TOPICS),
        field("actor_id", description="Main actor the statement is about"),
        field("voiced_by", description="Who makes the statement in the article"),
        field("statement", description="Our paraphrase of the statement"),
    ],
    ["claim_id"],
    [
        fk(["paragraph"], "paragraphs", ["paragraph"]),
        fk(["actor_id"], "actors", ["actor_id"]),
        fk(["voiced_by"], "actors", ["actor_id"]),
    ],
)

OPTIONS = resource(
    "options", "article/options.csv", "Options",
    "The concessions the article says Japan may offer (P4).",
    [
        field("option_id", description="Key", pattern=r"^[a-z0-9_]+$"),
        field("label", description="Short label for charts"),
        field("category", description="Kind of concession",
              enum=["purchase", "investment", "burden sharing"]),
        field("description", description="Our paraphrase of the offer"),
        field("paragraph", description="Paragraph it comes from"),
        field("claim_id", description="The claim that states it"),
    ],
    ["option_id"],
    [fk(["paragraph"], "paragraphs", ["paragraph"]), fk(["claim_id"], "claims", ["claim_id"])],
)

EVENTS = resource(
    "events", "article/events.csv", "Events",
    "The dated run-up to the summit and the summit itself; each date confirmed by a source.",
    [
        field("event_id", description="Key", pattern=r"^[a-z0-9_]+$"),
        field("date", "date", "Day the event happened (local date where it happened)"),
        field("title", description="Short label for the timeline"),
        field("description", description="What happened, in our words"),
        field("phase", description="Where it sits in the story",
              enum=["background", "run-up", "summit"]),
        field("paragraph", description="Paragraph that mentions it, if any", required=False),
        field("actor_id", description="Main actor", required=False),
        field("source_id", description="Source that confirms the date"),
    ],
    ["event_id"],
    [
        fk(["paragraph"], "paragraphs", ["paragraph"]),
        fk(["actor_id"], "actors", ["actor_id"]),
        fk(["source_id"], "sources", ["source_id"]),
    ],
)

QUOTES = resource(
    "quotes", "article/quotes.csv", "Quotes",
    "Short remarks and coined terms the article quotes, each attributed to its speaker (at most 25 words).",
    [
        field("quote_id", description="Key", pattern=r"^Q\d+$"),
        field("paragraph", description="Paragraph it appears in"),
        field("speaker_id", description="Who said it"),
        field("kind", description="A remark, or a coined term", enum=["remark", "term"]),
        field("text", description="The words as quoted", maxLength=200),
        field("context", description="Our note on when and why it was said"),
    ],
    ["quote_id"],
    [fk(["paragraph"], "paragraphs", ["paragraph"]), fk(["speaker_id"], "actors", ["actor_id"])],
)

ARTICLE_RESOURCES = [PARAGRAPHS, ACTORS, CLAIMS, OPTIONS, EVENTS, QUOTES]

# --- Notebook 01 (alliance dependence): data/context/ and data/assumptions/ tables -----------------
ALLIANCE_RESOURCES = []

# --- Notebook 02 (trade risk): data/context/ and data/assumptions/ tables --------------------------
TRADE_RESOURCES = []

RESOURCES = [SOURCES, *ARTICLE_RESOURCES, *ALLIANCE_RESOURCES, *TRADE_RESOURCES]


def datapackage():
    return {
        "name": "status-quo-ask",
        "title": "The Status-Quo Ask: data",
        "description": (
            "Facts of the New York Times article of 2025-02-06 on Ishiba's first summit with Trump, "
            "paraphrased and tied to paragraphs, plus sourced public statistics and labelled assumptions."
        ),
        "profile": "tabular-data-package",
        "licenses": [{"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0",
                      "path": "https://creativecommons.org/licenses/by/4.0/"}],
        "resources": RESOURCES,
    }


def render():
    return json.dumps(datapackage(), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    (ROOT / "data" / "datapackage.json").write_text(render(), encoding="utf-8")
    print("wrote data/datapackage.json")
