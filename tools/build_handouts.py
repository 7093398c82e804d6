"""Write the strategy council's print-ready handouts to build/handouts/*.html.

The pages are made from the same tables the notebook's game reads (statusquo.council), so paper, notebook
and solo play follow one set of rules. Each page is self-contained: inline CSS with print rules (A4, one
role card per sheet), no scripts, no fonts or images fetched from anywhere.
Run:  python tools/build_handouts.py        (then open build/handouts/index.html and print)
"""

from __future__ import annotations

import html
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "notebooks"))
from statusquo import council, load  # noqa: E402
from statusquo.vocabulary import COUNCIL_ROLE_IDS, keyed_by  # noqa: E402

TARGET = ROOT / "build" / "handouts"
ROUNDS = 3   # order forms printed per table; the 50-minute plan plays two rounds, the 2 x 50 plan three
CRITERIA_WORDS = {
    "visible": "visible value to the US (V)", "strategic": "strategic value to Japan (S)",
    "cost": "cost to Japan (C)", "domestic": "domestic political cost (P)",
    "threat": "trade threat: the White House's reaction and unanswered demands (T)",
    "alliance": "alliance value to the US (A)", "audience": "audiences pleased by answered demands",
}
CSS = """
@page { size: A4; margin: 14mm; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 10pt; line-height: 1.3; color: #111; margin: 0; }
.page { page-break-after: always; break-after: page; padding: 0; }
.page:last-child { page-break-after: auto; break-after: auto; }
h1 { font-size: 17pt; margin: 0 0 2mm; } h2 { font-size: 12pt; margin: 3mm 0 1mm; }
.kicker { text-transform: uppercase; letter-spacing: .08em; font-size: 9.5pt; color: #333; }
.japan .kicker::before { content: "Japan's council · "; } .us .kicker::before { content: "The US side · "; }
.evidence { font-size: 9.5pt; color: #333; font-style: italic; }
table { border-collapse: collapse; width: 100%; margin: 1.5mm 0; }
th, td { border: 1px solid #555; padding: 0.9mm 1.5mm; vertical-align: top; text-align: left; }
th { background: #e8e8e8; }
td.box { height: 7.5mm; } td.tall { height: 24mm; } td.num { text-align: right; }
p { margin: 1mm 0 1.5mm; } .sources { font-size: 9pt; margin: 0; } .sources li { margin-bottom: 1mm; } .url { word-break: break-all; }
.rule { border-left: 4px solid #0072B2; padding-left: 3mm; margin: 2mm 0; }
.lines div { border-bottom: 1px solid #777; height: 8mm; }
@media screen { body { background: #ddd; } .page { background: #fff; width: 210mm; min-height: 297mm; margin: 6mm auto; padding: 14mm; } }
"""


def esc(text) -> str:
    return html.escape(council.no_dollar_signs(text))


def page(body: str, side: str = "") -> str:
    return f'<section class="page {side}">{body}</section>'


def document(title: str, pages: list[str]) -> str:
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{esc(title)}</title>'
            f'<style>{CSS}</style></head><body>{"".join(pages)}</body></html>\n')


def source_note(source_id: str, sources) -> str:
    row = sources.loc[source_id]
    return (f"{esc(row['publisher'])}, “{esc(row['title'])}” ({esc(row['tier'])} source), "
            f"<span class='url'>{esc(row['url'])}</span>")


def role_card(role, g, sources) -> str:
    """One role's one-page brief: interests, red line, what it knows (cited), what it may give, its weights."""
    cited = role.source_ids.split(";")
    knows = esc(role.knows)
    for number, source_id in enumerate(cited, start=1):
        knows = knows.replace(f"[{source_id}]", f"<sup>[{number}]</sup>")
    criteria = council.JAPAN_CRITERIA if role.side == "japan" else council.US_CRITERIA
    weights = g.weights.loc[role.role_id]
    rows = "".join(f"<tr><td>{esc(CRITERIA_WORDS[c])}</td><td class='num'>{weights[c]:g}</td></tr>" for c in criteria)
    if role.side == "us":
        areas = ", ".join(f"{a} {weights[f'area_{a}']:g}" for a in council.AREAS)
        rows += f"<tr><td>how much an answered demand pleases your audiences, by area</td><td>{esc(areas)}</td></tr>"
    rationale = load("council_role_weights").query("role_id == @role.role_id")["rationale"].iloc[0]
    notes = "".join(f"<li>{source_note(s, sources)}</li>" for s in cited)
    return page(f"""
<div class="kicker">Role card</div><h1>{esc(role.title)}</h1>
<p>You answer to <b>{esc(role.faces)}</b>.</p>
<h2>Your interests</h2><p>{esc(role.interests)} <span class="evidence">(our judgement)</span></p>
<h2>Your red line</h2><p>{esc(role.red_line)} <span class="evidence">(our judgement; the score sheet flags a deal that crosses it)</span></p>
<h2>What you know</h2><p>{knows}</p>
<h2>What you may give</h2><p>{esc(role.may_give)} <span class="evidence">(our judgement)</span></p>
<h2>How you weigh a deal (0–3)</h2>
<table><tr><th>Criterion</th><th>Your weight</th></tr>{rows}</table>
<p class="evidence">{esc(rationale)} Your team's weights are the average of its roles' weights, counted
by the 10 influence tokens the team gives each role after the debate: win the argument, win tokens.</p>
<h2>At the table</h2><p>Argue at least once for your interests. Before the team splits its tokens, say how many you ask for and why.</p>
<h2>Sources</h2><ol class="sources">{notes}</ol>""", role.side)


def rules_pages(g) -> list[str]:
    offers = g.offers
    offer_rows = "".join(
        f"<tr><td><code>{esc(o.option_id)}</code></td><td>{esc(o.label)}</td><td class='num'>{o.cost_to_japan:g}</td>"
        f"<td class='num'>{o.visible_value_us:g}</td><td class='num'>{o.strategic_value_japan:g}</td>"
        f"<td class='num'>{o.domestic_political_cost:g}</td><td class='num'>{o.alliance_value_us:g}</td></tr>"
        for o in offers.itertuples())
    budget, minimum = g.rule("diet_budget"), g.rule("us_visible_minimum")
    def needed(n: int) -> str:
        return "passes" if n == 0 else (f"{n}+" if n <= 6 else "rejected")

    costs = list(range(int(budget), int(budget) + 7))
    diet_rows = ("<tr><th>P</th>" + "".join(f"<td>{p} or less</td>" if p == budget else
                                             (f"<td>{p} or more</td>" if p == costs[-1] else f"<td>{p}</td>") for p in costs)
                 + "</tr><tr><th>roll</th>" + "".join(f"<td>{needed(n)}</td>" for n in council.diet_needs(costs, g)) + "</tr>")
    # Group whole headline values by the roll they need, so every value has its column: "22-24: 2+".
    heads = list(range(int(minimum), -1, -1))
    groups: dict[int, list[int]] = {}
    for h, n in zip(heads, council.congress_needs(heads, [0] * len(heads), g)):
        groups.setdefault(min(int(n), 7), []).append(h)
    def span(values: list[int], n: int) -> str:
        if n == 0:
            return f"{max(values)} or more"
        return f"{max(values)} or less" if n == 7 else f"{min(values)}–{max(values)}"
    congress_rows = ("<tr><th>headline</th>" + "".join(f"<td>{span(v, n)}</td>" for n, v in groups.items())
                     + "</tr><tr><th>roll</th>" + "".join(f"<td>{needed(n)}</td>" for n in groups) + "</tr>")
    reactions = g.reactions
    reaction_rows = ""
    for band, words in [("low", f"below {g.rule('visible_band_medium'):g}"),
                        ("medium", f"{g.rule('visible_band_medium'):g} to {g.rule('visible_band_high') - 1:g}"),
                        ("high", f"{g.rule('visible_band_high'):g} or more")]:
        rows = reactions[reactions["visible_band"] == band].set_index("response").reindex(council.REACTIONS)
        faces, start = [], 1
        for response, row in rows.iterrows():
            n = int(row["die_faces"])
            if n:
                faces.append(f"{start}{'' if n == 1 else f'–{start + n - 1}'}: {response} ({row['score_effect']:+g})")
            start += n
        reaction_rows += f"<tr><td>{band} ({esc(words)})</td><td>{esc('; '.join(faces))}</td></tr>"
    return [page(f"""
<div class="kicker">For both sides · rules known in advance</div><h1>How a round works</h1>
<ol>
<li><b>Council session.</b> Japan's council picks a package of offers; the US side picks 1 to {g.rule('max_demands'):g} demands from
the demand list. Each side splits {g.rule('tokens_per_team'):g} influence tokens among its roles. Both sides move at once:
Japan does not see the demands before it chooses.</li>
<li><b>Summit.</b> Reveal both order forms. A demand is <i>answered</i> if the package holds an offer the demand list names for it.</li>
<li><b>White House die.</b> Read the reaction from the package's visible value (table below).</li>
<li><b>Ratification at home</b> (one die each): the Diet, then Congress and industry.</li>
<li><b>Score</b> on the score sheet. No deal if either side fails to ratify.</li>
</ol>
<h2>The offers (scores 0–10, our judgement)</h2>
<table><tr><th>id</th><th>Offer</th><th>C cost to Japan</th><th>V visible to US</th><th>S strategic to Japan</th><th>P domestic cost</th><th>A alliance to US</th></tr>{offer_rows}</table>
""", ""), page(f"""
<div class="kicker">For both sides · rules known in advance</div><h1>Ratification, reactions, scores</h1>
<div class="rule"><b>The Diet</b> (budget {budget:g}: a minority government, 215 of 465 seats). Domestic cost P of the
package, and the die roll the Diet needs:
<table>{diet_rows}</table></div>
<div class="rule"><b>Congress and industry.</b> Headline value = V + {g.rule('us_answer_bonus'):g} × (demands answered); minimum {minimum:g}.
The roll needed:
<table>{congress_rows}</table></div>
<div class="rule"><b>The White House's reaction</b> (one die; points count for Japan under T):
<table><tr><th>Visible value V</th><th>Die faces</th></tr>{reaction_rows}</table></div>
<h2>Scores (each side with its own team weights)</h2>
<p><b>Japan, deal ratified:</b> w<sub>V</sub>·V + w<sub>S</sub>·S − w<sub>C</sub>·C − w<sub>P</sub>·P + w<sub>T</sub>·(reaction points − penalties of unanswered demands)</p>
<p><b>US side, deal ratified:</b> u<sub>V</sub>·V + u<sub>A</sub>·A + u<sub>aud</sub>·(sum of your area weights over the demands answered)</p>
<p><b>No deal:</b> Japan scores −w<sub>T</sub>·({g.rule('no_deal_threat'):g} + penalties of all demands made); the US side −u<sub>A</sub>·{g.rule('us_no_deal_loss'):g}.</p>
<p><b>Team weight</b> on a criterion = (sum over roles of tokens × role weight) ÷ {g.rule('tokens_per_team'):g}.</p>
<p class="evidence">Every number here is in data/assumptions/council_rules.csv, bargaining_option_scores.csv,
council_offer_us_values.csv and bargaining_roleplay_responses.csv, each with its reason: we assume it, or our judgement.</p>
""", "")]


def demand_pages(sources) -> list[str]:
    table = council.demand_list()
    rows = "".join(
        f"<tr><td><b>{esc(d.demand_id)}</b></td><td>{esc(d.period)}<br>{esc(d.area)}</td><td>{esc(d.demand)}"
        f"<br><span class='evidence'>{esc(d.status)} · {esc(sources.loc[d.source_id, 'publisher'])} "
        f"({esc(sources.loc[d.source_id, 'tier'])})</span></td><td>{esc(d.answered_by)}</td><td class='num'>{d.penalty:g}</td></tr>"
        for d in table.itertuples())
    head = ("<tr><th>id</th><th>When, area</th><th>Demand (a source reported it)</th><th>Answered by</th>"
            "<th>Penalty if unanswered</th></tr>")
    return [page(f"""
<div class="kicker">For both sides</div><h1>The demand list</h1>
<p>Demands reported from October 2024 to May 2025 (data/context/bargaining_demands.csv). Those reported after the summit
of 7 February 2025 stand in as plausible demands. Which offer answers a demand, and its penalty, are our judgement.</p>
<table><colgroup><col style="width:7%"><col style="width:13%"><col style="width:50%"><col style="width:20%"><col style="width:10%"></colgroup><thead>{head}</thead><tbody>{rows}</tbody></table>""", "")]


SHORT_ROLE = keyed_by(COUNCIL_ROLE_IDS, {"mofa": "MOFA", "mod": "MOD", "meti": "METI", "mof": "MOF", "whip": "Whip",
                                         "white_house": "White House", "ustr": "USTR", "commerce": "Commerce",
                                         "pentagon": "Pentagon"})


def _blanks(n: int) -> str:
    return "".join("<td class='box'></td>" for _ in range(n))


def order_form(g, round_number: int, side: str) -> str:
    """One side's order form for one round: each side fills its own, out of the other's sight."""
    roles = g.role_ids(side)
    tokens = (f"<h2>Influence tokens (must add up to {g.rule('tokens_per_team'):g}; a role nobody plays gets 0)</h2>"
              f"<table><tr>{''.join(f'<th>{SHORT_ROLE[r]}</th>' for r in roles)}</tr><tr>{_blanks(len(roles))}</tr></table>")
    if side == "japan":
        offers = "".join(f"<tr><td class='box' style='width:10mm'></td><td><code>{esc(o.option_id)}</code></td><td>{esc(o.label)}</td></tr>"
                         for o in g.offers.itertuples())
        moves = f"<h2>The package (tick the offers)</h2><table><tr><th>✓</th><th>id</th><th>Offer</th></tr>{offers}</table>"
        speech = "What the prime minister will say to the president (one sentence):"
    else:
        moves = (f"<h2>Demands (1 to {g.rule('max_demands'):g} ids from the demand list)</h2>"
                 f"<table><tr><th>Demand 1</th><th>Demand 2</th><th>Demand 3</th></tr><tr>{_blanks(3)}</tr></table>")
        speech = "What the president will say at the press conference (one sentence):"
    return page(f"""
<div class="kicker">Order form · round {round_number}</div><h1>Table ______ · Round {round_number}</h1>
<p>Fill in during the council session; hand it to the game master face down.</p>
{moves}{tokens}<p>{speech}</p><div class="lines"><div></div><div></div></div>
<p>Who argued for what (one line per role):</p><div class="lines"><div></div><div></div><div></div><div></div></div>""", side)


def score_sheet(g) -> str:
    japan_rows = "".join(
        f"<tr><td>{SHORT_ROLE[r]}</td>" + "".join(f"<td class='num'>{g.weights.loc[r, c]:g}</td>" for c in council.JAPAN_CRITERIA)
        + "<td class='box'></td></tr>" for r in g.role_ids("japan"))
    us_rows = "".join(
        f"<tr><td>{SHORT_ROLE[r]}</td>" + "".join(f"<td class='num'>{g.weights.loc[r, c]:g}</td>" for c in council.US_CRITERIA)
        + "<td class='box'></td></tr>" for r in g.role_ids("us"))
    areas = [f"area_{a}" for a in council.AREAS]
    area_rows = "".join(
        f"<tr><td>{SHORT_ROLE[r]}</td>" + "".join(f"<td class='num'>{g.weights.loc[r, c]:g}</td>" for c in areas) + "</tr>"
        for r in g.role_ids("us"))
    blank = _blanks
    steps = ["Sums of the package: V, S, C, P, A", "Demands answered (ids) and their count",
             "Penalties of the unanswered demands (sum)", "White House die → reaction → points",
             f"Diet: P against {g.rule('diet_budget'):g} → roll needed → roll → passes?",
             f"Congress: V + {g.rule('us_answer_bonus'):g} × answered = headline → roll needed → roll → passes?",
             "Deal? (both passed) · red lines crossed (role cards)",
             "Japan's score (formula on the rules sheet)", "US side's score"]
    step_rows = "".join(f"<tr><td>{esc(s)}</td><td style='width:58%'></td></tr>" for s in steps)
    return page(f"""
<div class="kicker">Score sheet</div><h1>Table ______ · Round ______</h1>
<h2>1. Team weights: tokens × role weight, summed, ÷ {g.rule('tokens_per_team'):g}</h2>
<table><tr><th>Japan</th>{"".join(f"<th>{c}</th>" for c in council.JAPAN_CRITERIA)}<th>tokens</th></tr>{japan_rows}
<tr><th>team weight</th>{blank(len(council.JAPAN_CRITERIA))}<td></td></tr></table>
<table><tr><th>US side</th>{"".join(f"<th>{c}</th>" for c in council.US_CRITERIA)}<th>tokens</th></tr>{us_rows}
<tr><th>team weight</th>{blank(len(council.US_CRITERIA))}<td></td></tr></table>
<table><tr><th>US areas</th>{"".join(f"<th>{a}</th>" for a in council.AREAS)}</tr>{area_rows}
<tr><th>team weight</th>{blank(len(areas))}</tr></table>

<h2>2. The round, step by step</h2><p class="evidence">Audience points = the US team's area weights summed over the demands answered.</p><table>{step_rows}</table>""")


def memo(title: str, kicker: str, prompts: list[str]) -> str:
    rows = "".join(f"<h2>{esc(p)}</h2><div class='lines'><div></div><div></div><div></div></div>" for p in prompts)
    return page(f"<div class='kicker'>{esc(kicker)}</div><h1>{esc(title)}</h1><p>Name ______________ · Role ______________ · Table ______</p>{rows}")


POSITION_PROMPTS = ["What my role wants from this deal, and why (cite a fact from my card with its source)",
                    "What I expect the other side to ask or offer first", "My red line, and what I would say to defend it",
                    "What I will give first, and what I hold back", "How many tokens my role should get, and why"]
DEBRIEF_PROMPTS = ["What our table agreed, and whether both sides ratified it",
                   "Which argument inside our team changed our choice", "How our deal compares with the July 2025 agreement",
                   "P5, P9 or P11: one sentence connecting the game to the article",
                   "One rule of the game I would change, and what it would change in the result"]


def pages() -> dict[str, str]:
    g, sources = council.game(), load("sources").set_index("source_id")
    japan = [role_card(r, g, sources) for r in g.roles.itertuples() if r.side == "japan"]
    us = [role_card(r, g, sources) for r in g.roles.itertuples() if r.side == "us"]
    built = {
        "rules": document("Strategy council: the rules", rules_pages(g)),
        "demand_list": document("Strategy council: the demand list", demand_pages(sources)),
        "role_cards_japan": document("Strategy council: Japan's role cards", japan),
        "role_cards_us": document("Strategy council: US role cards", us),
        "order_forms_japan": document("Strategy council: Japan's order forms", [order_form(g, n, "japan") for n in range(1, ROUNDS + 1)]),
        "order_forms_us": document("Strategy council: US order forms", [order_form(g, n, "us") for n in range(1, ROUNDS + 1)]),
        "score_sheet": document("Strategy council: score sheet", [score_sheet(g)]),
        "position_memo": document("Strategy council: position memo", [memo("Position memo", "Before the council session", POSITION_PROMPTS)]),
        "debrief_memo": document("Strategy council: debrief memo", [memo("Debrief memo", "After the debrief", DEBRIEF_PROMPTS)]),
    }
    titles = {name: re.search(r"<title>Strategy council: (.*?)</title>", text).group(1) for name, text in built.items()}
    links = "".join(f"<li><a href='{name}.html'>{titles[name]}</a></li>" for name in built)
    built["index"] = document("Strategy council: handouts", [page(
        "<h1>Strategy council: handouts</h1><p>Print each page on A4. Per table: one card per role, the rules and the "
        f"demand list for each side, an order form and a score sheet per round; one position memo and one debrief memo per student.</p><ul>{links}</ul>")])
    return built


def main() -> list[Path]:
    TARGET.mkdir(parents=True, exist_ok=True)
    for old in TARGET.glob("*.html"):   # a page renamed or dropped must not linger beside the new ones
        old.unlink()
    written = []
    for name, text in pages().items():
        assert "$" not in text and not re.search(r"(src|href)=['\"]https?:", text), name   # no maths, no fetching
        path = TARGET / f"{name}.html"
        path.write_text(text, encoding="utf-8")
        written.append(path)
    print(f"wrote {len(written)} pages to {TARGET.relative_to(ROOT)}/")
    return written


if __name__ == "__main__":
    main()
