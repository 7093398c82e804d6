"""The building blocks of every table's schema: a field, a foreign key, a resource, and shared patterns.

Each area's module (article, alliance, trade, ...) writes its tables with these, so every resource of
data/datapackage.json has the same shape and key order.
"""

from __future__ import annotations

from statusquo.vocabulary import EVIDENCE_KINDS

# One paragraph label P1..P11 (statusquo.vocabulary.PARAGRAPH_LABELS; tests/test_vocabulary.py checks the two
# agree), and a list of them separated by ;
PARAGRAPH = r"P([1-9]|1[01])"
PARAGRAPH_LIST = rf"^{PARAGRAPH}(;{PARAGRAPH})*$"
KEY_LIST = r"^[a-z0-9_]+(;[a-z0-9_]+)*$"   # keys of another table, separated by ;


def field(name, type_="string", description="", required=True, **constraints):
    """One column: its name, Table Schema type, description and constraints (required unless told)."""
    spec = {"name": name, "type": type_, "description": description}
    if type_ == "date":
        spec["format"] = "%Y-%m-%d"
    constraints = {"required": required, **constraints}
    spec["constraints"] = constraints
    return spec


def fk(fields, resource, ref_fields):
    """A foreign key: `fields` of this table refer to `ref_fields` of table `resource`."""
    return {"fields": fields, "reference": {"resource": resource, "fields": ref_fields}}


def resource(name, path, title, description, fields, primary_key, foreign_keys=(), evidence=None):
    """One table of the package. `evidence` = (kind, why): the custom properties `evidence_kind` and
    `evidence_note` that statusquo.article.evidence_kind reads; a table without them gets its folder's default.
    """
    schema = {"fields": fields, "primaryKey": primary_key}
    if foreign_keys:
        schema["foreignKeys"] = list(foreign_keys)
    spec = {
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
    if evidence is not None:
        kind, note = evidence
        if kind not in EVIDENCE_KINDS:
            raise ValueError(f"{name}: evidence kind {kind!r} is not one of {list(EVIDENCE_KINDS)}")
        spec["evidence_kind"], spec["evidence_note"] = kind, note
    return spec
