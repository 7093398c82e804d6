"""The article's own tables (data/article/, notebook 00): paragraphs, actors, claims, options, events, quotes."""

from __future__ import annotations

from statusquo.vocabulary import (
    ACTOR_NAMINGS,
    ARTICLE_SAYS,
    CLAIM_KINDS,
    CLAIM_TOPICS,
    EVENT_PHASES,
    PARAGRAPH_LABELS,
    REPORTED,
)

from .fields import PARAGRAPH_LIST, field, fk, resource

PARAGRAPHS = resource(
    "paragraphs", "article/paragraphs.csv", "Article paragraphs",
    "One paraphrased line per paragraph of the article, P1 to P11.",
    [
        field("paragraph", description="Paragraph label", enum=PARAGRAPH_LABELS),
        field("position", "integer", "Order in the article", minimum=1, maximum=len(PARAGRAPH_LABELS)),
        field("summary", description="Our paraphrase of what the paragraph says"),
    ],
    ["paragraph"],
    evidence=(ARTICLE_SAYS, "our paraphrase of each paragraph"),
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
              enum=ACTOR_NAMINGS),
        field("paragraphs", description="Paragraphs that mention the actor, separated by ;",
              pattern=PARAGRAPH_LIST),
        field("identified_by", description="Source that identifies an actor the article alludes to",
              required=False),
    ],
    ["actor_id"],
    [fk(["identified_by"], "sources", ["source_id"])],
    evidence=(ARTICLE_SAYS, "who the article names or describes; two identifications come from sources"),
)

CLAIMS = resource(
    "claims", "article/claims.csv", "Claims",
    "Every statement of fact, expectation, risk and opinion in the article, paraphrased.",
    [
        field("claim_id", description="Key", pattern=r"^C\d{2}$"),
        field("paragraph", description="Paragraph the claim comes from"),
        field("kind", description="What sort of statement it is", enum=CLAIM_KINDS),
        field("topic", description="What it is about", enum=CLAIM_TOPICS),
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
    evidence=(ARTICLE_SAYS, "the article's statements, paraphrased; the kind of each is our reading"),
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
    evidence=(ARTICLE_SAYS, "the offers P4 lists"),
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
              enum=EVENT_PHASES),
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
    evidence=(REPORTED, "every date comes from a report in data/sources.csv; the article gives few"),
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
    evidence=(ARTICLE_SAYS, "short remarks as the article quotes them"),
)

ARTICLE_RESOURCES = [PARAGRAPHS, ACTORS, CLAIMS, OPTIONS, EVENTS, QUOTES]
