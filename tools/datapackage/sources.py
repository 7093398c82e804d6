"""data/sources.csv: every source the bundle rests on."""

from __future__ import annotations

from statusquo.vocabulary import SOURCE_KINDS, SOURCE_TIERS

from .fields import field, resource

SOURCES = resource(
    "sources", "sources.csv", "Sources",
    "Every source a number or fact in the bundle rests on, with the address it was read at.",
    [
        field("source_id", description="Short key other tables cite", pattern=r"^[a-z0-9_]+$"),
        field("publisher", description="Organisation that published the source"),
        field("title", description="Title of the page or document"),
        field("url", description="Address the source was read at (http only where the page exists only there)",
              pattern=r"^https?://\S+$"),
        field("published", "date", "Publication date, when the source gives one", required=False),
        field("accessed", "date", "Date we read it"),
        field("kind", description="What sort of source it is",
              enum=SOURCE_KINDS),
        field("tier", description="How close the text we read is to its origin: primary (the government, court, "
              "agency, company or author that produced it), wire (a news agency's own text), news (an outlet's "
              "own reporting), copy (a repost or mirror of one of these), secondary (aggregators, blogs, "
              "reference sites)",
              enum=SOURCE_TIERS),
        field("note", description="What we took from it, and any caveat", required=False),
    ],
    ["source_id"],
)
