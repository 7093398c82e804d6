"""Write notebooks/02_trade_risk.ipynb from the cells below (a one-off authoring script, not shipped)."""

import json
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent
PATH = ROOT / "notebooks" / "02_trade_risk.ipynb"
old = nbformat.read(PATH, as_version=4)
NAV = [c for c in old.cells if "navigation" in c.metadata.get("tags", [])][0].source

cells = []


def md(text, tags=None):
    cell = nbformat.v4.new_markdown_cell(text.strip("\n"))
    if tags:
        cell.metadata["tags"] = tags
    cells.append(cell)


def code(text, tags=None):
    cell = nbformat.v4.new_code_cell(text.strip("\n"))
    if tags:
        cell.metadata["tags"] = tags
    cells.append(cell)


G = "../glossary.md#"

md(f"""
# 02 · Trade risk: what would a US tariff put at risk for Japan?

**The promise:** you will know how big US–Japan goods trade is, how the deficit figures each side uses compare with the measured ones, what Japan sells the US, and how much export revenue a US tariff could put at risk, one year after it and seven to ten years after it.

**Time:** about 45 minutes

**Learning objectives.** By the end you can:
1. read a [bilateral goods balance]({G}bilateral-balance), say what its basis is and what it does not measure;
2. set a claim from each side beside the measured figure and say how far apart they are;
3. size Japan's exposure: exports to the US as a share of all exports and of GDP, and the weight of cars;
4. run a transparent tariff model, explain its two parameters, and report its answer at two horizons, each with a range;
5. explain why [export revenue at risk]({G}export-revenue-at-risk) is not the same as lost GDP.

**Prerequisites:** notebook 00; pandas filtering ([10 minutes to pandas](https://pandas.pydata.org/docs/user_guide/10min.html)).
""")
md(NAV, tags=["navigation"])
md(f"""
## Where this notebook starts

P3 says Ishiba will probably ask Trump not to aim a trade war at Japan. P6 notes that Japan had not yet been named when Trump threatened tariffs on other allies and partners. This notebook asks what was at stake in that ask: first the deficit Trump talks about, then the investment Ishiba talks about, then what a tariff could do to Japan's export revenue.

Numbers come in [kinds]({G}evidence-kinds): most here come from `data/context/` (**a public source measured it**, or **a source reported it** when it is a statement). Model parameters and scenarios are in `data/assumptions/` (**we assume it**), each with its reason; elasticities are **published scholarship**; verdicts on claims are **our judgement**. Where sources disagree, the tables keep every version, and a `used` column marks the one we use. Each section loads what it needs: run the setup cell first, then any section.
""")
code("""
%matplotlib inline
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from statusquo import exercises, load, plots, trade, trade_figures
from statusquo.sources import cite

plots.use_house_style()
pd.set_option("display.max_colwidth", 80)
pd.set_option("display.precision", 3)
""")

# --- Deficit ------------------------------------------------------------------------------------------
md("""
## How big is US–Japan goods trade?

*Question: how large is the US goods deficit with Japan, and has it been growing?*

`trade_us_japan_goods` gives US exports to Japan, imports from Japan and the balance, in USD billion. The balance is exports minus imports, so a negative number is a US deficit. The basis is the US Census Bureau's customs data: nominal dollars, goods only. We read the Census figures as reported by USITC, the trade administration (trade.gov), USTR, Kyodo, Reuters, AP and others, not the Census table itself. **2015 has no confirmed figure**, and several years have a balance but no flows; those cells stay empty.
""")
code("""
goods = load("trade_us_japan_goods")
balance = trade.goods_balance_by_year(goods)
balance
""")
md("""
`balance_from_flows` is our check: exports minus imports where both are published. It agrees with the published balance to within USD 0.6 bn; the gaps come from rounding and from Census's yearly revisions. Rows we keep but do not use, and why:
""")
code("""
goods[~goods["used"]][["year", "flow", "value_usd_bn", "basis", "source_id"]]
""")
md("""
Two corrections matter. The 2023 export figure of 77 bn comes from a Congressional Research Service text that does not state a Census basis, so it is no longer mixed into this customs-basis table. The 2024 export figure of 79.74 bn is consistent with the Census basis: with the Commerce Department's 2024 deficit of 68.468 bn it implies imports of about 148.2 bn; only the vendor's import figure (152.06) is off-basis. We still read it on a vendor's page, so the imports cell for 2024 stays empty.

### The claims beside the measured deficit
""")
code("""
claims = load("trade_deficit_claims")
comparison = trade.claims_vs_measured(claims, balance)
comparison.merge(claims[["claim_id", "what_was_said"]], on="claim_id")
""")
code("""
fig, alt = trade_figures.deficit_figure(balance, goods, claims)
plots.publish(fig, "02_us_japan_goods_deficit", alt=alt,
              source="data/context/trade_us_japan_goods.csv, trade_deficit_claims.csv (Census basis via USITC, Kyodo, "
                     "PolitiFact, AP, trade.gov, Reuters, Opportimes).")
""")
md("""
**What it means.** The measured goods deficit has stayed close to 70 bn dollars a year for a decade, with dips in 2020 and 2021 (the pandemic years). Trump's figures of about 100 bn are roughly 45% above the measured deficit for the latest year he could have known. The 2025 figure is Reuters' paraphrase, not a verbatim quote.

> **What a bilateral goods deficit does and does not measure.**
> - *It measures* how much more US buyers paid for Japanese goods than Japanese buyers paid for US goods in one year, at customs values.
> - *It is not a score of fairness.* In the national accounts a country's overall trade deficit equals the gap between what it invests and what it saves; the US borrows the difference from abroad (a New York Fed economist, Thomas Klitgaard, read in a copy: **published scholarship**, tier *copy*). A tariff on one partner can shift a bilateral number without closing that gap.
> - *It leaves out services.* By the trade administration's figures the US had a services surplus with Japan of about 14 bn dollars in 2019, 7 bn in 2020, and a services deficit of about 2 bn in 2022 (**a public source measured it**, tier *primary*). Services do not reliably offset the goods gap.
> - *It counts gross values, not value added.* A car shipped from Japan carries inputs made elsewhere, some in the US, and cars Japanese firms build in the US are not in it at all (OECD–WTO note on trade in value added, read in a copy).
""")

# --- Exposure -----------------------------------------------------------------------------------------
md("""
## What does Japan sell the US?

*Question: how exposed is Japan to the US market, and to a tariff on cars?*

Now Japan's own statistics: the Ministry of Finance (MOF) counts exports in yen, customs basis, calendar 2024; nominal GDP is the Cabinet Office's. Japan values exports at its own ports while the US values imports on arrival, so the two countries' figures for the same trade differ.
""")
code("""
japan = load("trade_japan_2024")
print(f"{japan['used'].sum()} rows used, {(~japan['used']).sum()} kept to record a disagreement")
japan[japan["used"]][["indicator", "value", "unit", "source_id"]]
""")
code("""
exports_to_us = trade.used_value(japan, "exports_to_us")
gdp = trade.used_value(japan, "nominal_gdp")
exposure = pd.DataFrame({
    "measure": ["US share of Japan's exports (%)", "Exports to the US as % of GDP"],
    "value": [exports_to_us / trade.used_value(japan, "total_exports") * 100, exports_to_us / gdp * 100],
    "check": ["published: 19.9%", "derived"],
})
exposure
""")
md("""
To model a tariff by sector we split exports to the US into product groups. The sources give the total, the autos-plus-parts total and shares for cars, chips, medical items and metals; **each group's yen value is our arithmetic**, shown in the `how` column. Auto parts are the least certain: a remainder of a total rounded to ¥0.1 tn.
""")
code("""
exports = trade.export_base(japan)
exports
""")
code("""
fig, alt = trade_figures.exports_figure(exports)
plots.publish(fig, "02_exports_to_us_by_group", alt=alt,
              source="data/context/trade_japan_2024.csv (MOF 2024 via Kyodo, Nippon.com, Manufactry, Bloomberg, "
                     "Asahi); groups derived.")
""")
md("""
**What it means.** One yen in five that Japan earns from exports comes from the US, and cars and parts are a third of that. The sector tariffs promised on 27 January 2025 (chips, drugs, metals) would touch only small slices; a tariff on cars is the one that would bite.
""")

# --- Investment and the Japanese-side claim -------------------------------------------------------------
md("""
## What ties cut the other way? Checking Japan's side

*Question: is Japan really "the largest investor in the US", and what does its pledge mean?*

Ishiba's answer to the deficit is investment. The joint statement of 7 February 2025 says Japan has been the world's largest investor in the US for five consecutive years, and Ishiba pledged to raise Japan's investment to 1 trillion dollars (**a source reported it**: Government of Japan, Yomiuri, Jiji). We check this with the same care as Trump's figures. The measure is BEA's direct-investment position: what foreign parents have put into their US affiliates, at historical cost.
""")
code("""
ties = load("trade_investment_ties")
load("trade_investment_claims")[["claim_id", "speaker", "what_was_said", "source_id"]]
""")
code("""
positions = trade.fdi_positions(ties)
positions
""")
code("""
fig, alt = trade_figures.fdi_figure(positions)
plots.publish(fig, "02_fdi_position_in_us", alt=alt,
              source="data/context/trade_investment_ties.csv: BEA figures as reported by trade.gov (2019-2021), "
                     "JETRO (2022), the Yomiuri and a secondary page (2023).")
""")
md("""
**What it means.** For 2022 and 2023 the BEA figures show Japan ahead of Canada, the next investor, with about a seventh of all direct investment in the US; for 2019–2021 the trade administration states that Japan was the largest source. **Our judgement:** the claim holds on BEA's measure. Two cautions: this is a *stock* built up over decades, not yearly new investment; and it is valued at historical cost, by the country of the immediate foreign parent (we found no figures by ultimate owner). Keidanren, citing BEA, counts 973,800 Americans working directly for Japanese-owned firms in 2019.

The pledge is read two ways: the Yomiuri compares it with the 2023 position (a stock of 783.3 bn, so 1 trillion is a target for the stock); Jiji calls it "annual" investment. A yearly flow of 1 trillion would exceed the whole stock Japan has built, so **our judgement** is that the stock reading fits the numbers.
""")
md("""
### Exercise 02.1: how far off is the trillion?

If Japan's position kept rising by its **average yearly rise from end-2019 to end-2023**, how many years after end-2023 would it reach 1 trillion dollars? Use `positions` (USD billion). Give a number of years, such as `7.5`.

<details><summary>Hint</summary>

The average yearly rise is the whole rise divided by the number of yearly steps between the two years. Then divide the distance still to go by it.
</details>
""")
code("""
answer = ...
exercises.check("02.1", answer)
""", tags=["exercise"])
md("Worked solution")
code("""
yearly_rise = (positions.loc[2023, "Japan"] - positions.loc[2019, "Japan"]) / (2023 - 2019)
answer = (1000 - positions.loc[2023, "Japan"]) / yearly_rise
print(f"{yearly_rise:.1f} bn a year; {answer:.1f} years to go")
exercises.check("02.1", answer)
""", tags=["solution"])

# --- Threats ------------------------------------------------------------------------------------------
md("""
## Which tariff threats were on the table?

*Question: on 6 February 2025, which tariffs had Trump threatened or ordered, and was Japan among them?*

Each row has its own source and date; `date_note` says how an inferred date was found. The `timing` column splits the rows at the article's date.
""")
code("""
threats = trade.threats_with_timing(load("trade_tariff_threats"))
print(threats["timing"].value_counts().to_string())
threats[["threat_id", "date", "kind", "target", "sector", "rate_percent", "timing"]]
""")
md(f"""
**What it means.** When the article appeared Japan had not been named (P6), and we found **no statement about auto tariffs before 7 February 2025**. On the table were a universal tariff of about 10% from the campaign, 25% on Canada and Mexico (ordered, then paused), 10% on China (in force), and promised tariffs on chips, drugs and metals. The day after, Trump said [reciprocal tariffs]({G}reciprocal-tariffs) would come; the first auto-tariff statement, "in the neighborhood of 25%", came on 18 February. We use it below only as a scenario, labelled as later.
""")

# --- The model ----------------------------------------------------------------------------------------
md(f"""
## The model: what export revenue would a tariff put at risk?

*Question: if the US put a tariff on Japanese goods, how much less would Japan's exporters earn from US sales, and how sure can we be?*

**What it computes, in words:** the fall in the yen value of Japan's goods exports to the US, group by group, against 2024, with nothing else changing. For a group with exports $X$, a tariff $t$ (0.25 means 25%), a [pass-through]({G}pass-through) $\\varphi$ (the share of the tariff US buyers pay) and an import [elasticity]({G}elasticity) $\\varepsilon$ (the % fall in volume per 1% rise in price):

1. US buyers' price rises by $\\varphi t$.
2. Volume falls with a constant elasticity: it becomes $(1+\\varphi t)^{{-\\varepsilon}}$ of what it was. Unlike a straight line, this never falls below zero.
3. The exporter absorbs the rest of the tariff, so its own price becomes $(1+\\varphi t)/(1+t)$ of what it was.
4. Revenue is price times volume, so revenue keeps the share $R = (1+\\varphi t)^{{1-\\varepsilon}}/(1+t)$, and **export revenue at risk** $= X(1-R)$.

**Where pass-through changes sign.** Differentiate $R$ with respect to $\\varphi$: $\\partial R/\\partial\\varphi = (1-\\varepsilon)\\,t\\,(1+\\varphi t)^{{-\\varepsilon}}/(1+t)$. Everything but $(1-\\varepsilon)$ is positive, so the sign depends on the elasticity alone, whatever the tariff. Above $\\varepsilon = 1$, more pass-through puts *more* revenue at risk (buyers flee the higher price). Below 1, it puts *less* at risk: buyers barely react, so an exporter who absorbs the tariff gives up margin it would not have lost in volume. At exactly 1 the two effects cancel.
""")
md("""
> **Why export revenue at risk is not lost GDP, or a loss of welfare.**
> - *Import content.* Part of every export's price pays for imported inputs; a fall in gross revenue is a smaller fall in Japan's value added (OECD–WTO note, copy).
> - *Other markets.* Cars not sold in the US can be sold elsewhere, or built in the US; the model lets them vanish.
> - *Who pays the tariff.* In 2018 US tariffs were passed on completely: import prices before duty did not fall, so US buyers paid (Amiti, Redding and Weinstein; Fajgelbaum, Goldberg, Kennedy and Khandelwal: **published scholarship**, primary). Fajgelbaum and co-authors put the loss to US buyers at 0.27% of US GDP, but the net US real-income loss, after tariff revenue and gains to US producers, at 0.04%: gross and net differ by a factor of about seven.
> - *Terms of trade.* If exporters absorb part of the tariff, their prices fall; that is a real loss to Japan, but a tariff that raises US prices also shifts demand and exchange rates in ways this model ignores.
>
> So a share of GDP below is only a yardstick of size: "equal in size to x% of GDP", never "costs x% of GDP".
""")
md("""
### Exercise 02.2: who pays, and does it help?

Take the short-run estimate of 0.76. Japanese exporters absorb half of a 10% tariff on everything (pass-through 0.5) instead of none (pass-through 1). What happens to export revenue at risk? Use the derivation above, not the figures below.
""")
code("""
exercises.show_options("02.2")
""")
code("""
answer = ...
exercises.check("02.2", answer)
""", tags=["exercise"])
md("Worked solution")
code("""
universal_10 = trade.scenario_rates(load("trade_scenarios"), "universal_10")
absorb, pass_on = (trade.total_at_risk(exports, universal_10, p, 0.76, gdp)[trade.AT_RISK] for p in (0.5, 1.0))
print(f"pass-through 0.5: ¥{absorb:.2f} tn at risk; pass-through 1: ¥{pass_on:.2f} tn")
answer = "A" if absorb > pass_on else "B"
exercises.check("02.2", answer)
""", tags=["solution"])
md("""
**First by hand.** A 25% tariff on cars only, full pass-through, elasticity 2:
""")
code("""
cars = exports.loc[exports["product_group"] == "autos", "exports_jpy_tn"].iloc[0]
tariff, pass_through, elasticity = 0.25, 1.0, 2.0
revenue_kept = (1 + pass_through * tariff) ** (1 - elasticity) / (1 + tariff)
print(f"Car exports ¥{cars:.3f} tn keep {revenue_kept:.1%} of their revenue: ¥{cars * (1 - revenue_kept):.3f} tn at risk")
trade.export_revenue_at_risk(exports, {"autos": tariff}, pass_through, elasticity).head(2)
""")

# --- Horizons ---------------------------------------------------------------------------------------------
md("""
### Two horizons: one year after, and seven to ten years after

Buyers do not switch suppliers overnight. Boehm, Levchenko and Pandalai-Nayar find that trade falls about 0.76% per 1% of tariff in the year after a change, and about 2% (1.75 to 2.25) in the long run, which takes 7 to 10 years to reach. That is a difference of horizon, not of uncertainty, so we give two answers, each with its own range. With complete pass-through, their elasticity is exactly the model's $\\varepsilon$.
""")
code("""
estimates = load("trade_parameter_estimates")
estimates[estimates["parameter"] == "import_elasticity"][["horizon", "value", "study", "finding"]]
""")
code("""
parameters = load("trade_parameters")
parameters[parameters["parameter"] != "import_elasticity"][["parameter", "central", "low", "high", "rationale"]]
""")
md("""
The short-run range runs from Boehm et al.'s one-year 0.76 to Amiti et al.'s 2018 response of 1.3; its centre of 1.0 is **our assumption**. The long-run range is Boehm et al.'s. Pass-through runs from 1 (both 2018 studies) down to 0.5, which is **our teaching assumption**, not an estimate. Higher numbers (4, 6) measure different things and are left for the panel.
""")
md("""
### Exercise 02.3: predict before you look

For 10% on everything, at the central values, how many times larger is the long-run revenue at risk than the short-run one? Write your guess, then run the cells below.
""")
code("""
guess = ...
exercises.check("02.3", guess)
""", tags=["exercise"])
code("""
sector_tariffs = {"chips_and_equipment": 0.25, "medical_items": 0.25, "steel_and_aluminium": 0.25}
results = trade.horizon_table(exports, load("trade_scenarios"), parameters, gdp,
                              extra={"25% on chips, medical, metals (assumed rate)": sector_tariffs})
results[["scenario", "horizon", "export_revenue_at_risk_jpy_tn", "export_revenue_at_risk_low_jpy_tn",
         "export_revenue_at_risk_high_jpy_tn", "equal_to_percent_of_gdp"]]
""")
code("""
fig, alt = trade_figures.horizons_figure(results)
plots.publish(fig, "02_horizons_revenue_at_risk", alt=alt,
              source="statusquo.trade with data/assumptions/trade_*.csv (Boehm et al. 2023; Amiti et al. 2019); "
                     "exports and GDP from data/context/trade_japan_2024.csv (MOF, Cabinet Office).")
""")
md("Worked solution")
code("""
ten = results[results["scenario"] == "10% on everything"].set_index("horizon")[trade.AT_RISK]
guess = ten["long_run"] / ten["short_run"]
print(f"long run ÷ short run = {guess:.2f}")
exercises.check("02.3", guess)
""", tags=["solution"])
md("""
**What it means.** The same tariff puts roughly twice as much revenue at risk once buyers have had years to switch. A 25% tariff on cars alone is more than half as large as 10% on everything, because cars are so large a share; tariffs on chips, medical items and metals barely register. The short-run range is narrow because its elasticities sit near 1, where pass-through hardly matters.
""")
md("""
### Who pays the tariff, and when does it matter?
""")
code("""
elasticity_grid = np.round(np.arange(0.5, 2.501, 0.05), 2)
curve = trade.pass_through_curve(exports, universal_10, elasticity_grid, [0.5, 1.0], gdp)
short, long_ = (trade.parameter_values(parameters, row) for row in trade.HORIZONS.values())
fig, alt = trade_figures.pass_through_figure(curve, (short["low"], short["high"]), (long_["low"], long_["high"]),
                                             "10% on everything")
plots.publish(fig, "02_pass_through_by_elasticity", alt=alt,
              source="statusquo.trade; ranges in data/assumptions/trade_parameters.csv (Boehm et al. 2023; "
                     "Amiti et al. 2019; pass-through 0.5 assumed).")
""")
md("""
**What it means.** The two lines cross at an elasticity of 1, as the derivation said. In the long run (elasticity near 2) exporters who absorb half the tariff keep more revenue, but the gap is small next to the effect of the horizon itself. In the short run the range straddles 1, so even the *direction* of pass-through's effect is unknown: how buyers react matters far more than who pays the tariff.
""")
md(f"""
**Model card: export revenue at risk (`statusquo.trade`).**
- *What it measures:* the fall in the gross yen value of Japan's goods exports to the US from a tariff, at 2024 values, at two horizons, each with a range over pass-through and elasticity.
- *What it leaves out:* import content, sales redirected to other markets, production moved to the US, the exchange rate, retaliation, and any effect on US demand as a whole. It is not lost GDP, welfare or a forecast.
- *Where inputs come from:* exports and GDP, MOF and Cabinet Office via the press (**a public source measured it**); the split into groups, our arithmetic; tariffs, scenarios we assume, tied to dated threats; pass-through 1, **published scholarship**, and 0.5, **we assume it**; elasticities, **published scholarship**, with the short-run centre assumed.
- *How wrong it could be:* the elasticities are US-wide averages from other episodes, not estimates for Japanese cars; the ranges cover parameter uncertainty only, not the model's form. Notebook 06 checks it against what happened in 2025.
- *What would change its answer most:* the horizon (elasticity), then the tariff on cars; pass-through matters little near an elasticity of 1.
""")
md("""
### Exercise 02.4: cars and parts, in the long run

Suppose the US put 25% on cars **and** auto parts. At the long-run central values, the export revenue at risk is equal in size to what percent of Japan's 2024 GDP? Give a percent such as `0.3`.

<details><summary>Hint</summary>

Build a mapping with both groups, call `trade.total_at_risk` with the long-run central elasticity from `parameters` and full pass-through, and read `"equal_to_percent_of_gdp"`.
</details>
""")
code("""
answer = ...
exercises.check("02.4", answer)
""", tags=["exercise"])
md("Worked solution")
code("""
central = parameters.set_index("parameter")["central"]
answer = trade.total_at_risk(exports, {"autos": 0.25, "auto_parts": 0.25}, central["pass_through"],
                             central["elasticity_long_run"], gdp)["equal_to_percent_of_gdp"]
print(f"equal in size to {answer:.2f}% of GDP")
exercises.check("02.4", answer)
""", tags=["solution"])
md("""
### Exercise 02.5: what does "equal in size to x% of GDP" mean?

The table above gives, for 10% on everything in the long run, a revenue at risk and the share of Japan's GDP it equals in size. Which reading is right? Then write two sentences on why the other readings go too far (your teacher has a model answer).
""")
code("""
exercises.show_options("02.5")
""")
code("""
answer = ...
exercises.check("02.5", answer)
""", tags=["exercise"])
md("Worked solution")
code("""
answer = "B"
exercises.check("02.5", answer)
""", tags=["solution"])

# --- Panel -----------------------------------------------------------------------------------------------
md("""
## Explore: compose your own tariff

Move a slider for each product group, then the pass-through and the elasticity (about 1 is the short run, about 2 the long run; try 4 or 6 too). Try what was on the table in February 2025, then what came later (notebook 06 runs the rates actually imposed). Sliders below zero and pass-through above 1 are there on purpose, to see the panel refuse them. The panel is a thin shell around `trade.panel_result`, a plain function you can call yourself.
""")
code("""
# NBVAL_IGNORE_OUTPUT
trade.panel(exports, parameters, gdp, initial_percents={"autos": 25})
""")
md("""
Without a running kernel the panel is not interactive. This is what it shows when it opens: 25% on cars, full pass-through, the short-run central elasticity.
""")
code("""
opening = trade.parameter_values(parameters, trade.HORIZONS["short_run"])["central"]
table, message = trade.panel_result(exports, {"autos": 25}, pass_through=1.0, elasticity=opening, gdp_jpy_tn=gdp)
print(message)
fig, ax = plt.subplots(figsize=(8.5, 3.8), layout="constrained")
trade_figures.draw_revenue_bars(ax, table, title="The panel's opening state: 25% on cars, short run")
top = table.sort_values(trade.AT_RISK, ascending=False).iloc[0]
plots.publish(fig, "02_panel_default",
              alt=(f"Bar chart of export revenue at risk by product group for a 25 percent tariff on cars at pass-through 1 "
                   f"and elasticity {opening:g}: {top['label'].lower()} {top[trade.AT_RISK]:.2f} yen trillion; every other "
                   f"group {table[trade.AT_RISK].drop(top.name).max():.2f}."),
              source="statusquo.trade.panel_result with exports from data/context/trade_japan_2024.csv (MOF 2024).")
for bad in [dict(tariff_percents={"autos": -10}, pass_through=1.0, elasticity=1.0),
            dict(tariff_percents={"autos": None}, pass_through=1.0, elasticity=1.0),
            dict(tariff_percents={"autos": 25}, pass_through=float("nan"), elasticity=1.0),
            dict(tariff_percents={"autos": 25}, pass_through=1.0, elasticity="two")]:
    print(trade.panel_result(exports, gdp_jpy_tn=gdp, **bad)[1])
""")

# --- Close -------------------------------------------------------------------------------------------------
md("""
## Key points

- On Census-basis figures the US goods deficit with Japan has stayed near 70 bn dollars a year since 2014; Trump's figure of about 100 bn is roughly 45% higher. A bilateral goods deficit is not a measure of fairness: it leaves out services and value chains and reflects saving and investment.
- Japan's side also checks out on its own measure: Japan has been the largest direct investor in the US since 2019, but that is a stock at historical cost, and the trillion-dollar pledge is a target for that stock.
- The US takes a fifth of Japan's exports; cars and parts are a third of those.
- The model gives **export revenue at risk**, not a cost to Japan. Its answers at the two horizons, computed here, not typed:
""")
code("""
for row in results[results["scenario"] != "Status quo"].itertuples():
    print(f"{row.scenario}, {trade.HORIZON_LABELS[row.horizon].lower()}: ¥{row.export_revenue_at_risk_jpy_tn:.2f} tn "
          f"(range {row.export_revenue_at_risk_low_jpy_tn:.2f}–{row.export_revenue_at_risk_high_jpy_tn:.2f}), "
          f"equal in size to {row.equal_to_percent_of_gdp:.2f}% of GDP")
""")
md("""
- Who pays the tariff changes the answer's direction at an elasticity of 1: it matters little in the short run and somewhat in the long run; the horizon matters more.

## Discussion questions

1. Trump talks about the goods deficit; Ishiba talks about investment. Which number should matter more to an American voter, and why does each leader choose his own?
2. A tariff on cars alone puts more than half as much at risk as 10% on everything. What should Japan protect first in a negotiation?
3. If US buyers pay the whole tariff, who in the US loses, and who gains? Why might Trump still see a tariff as leverage?
4. Our elasticities come from other countries' goods and other episodes. Would buyers of Japanese cars switch more or less easily than average, and in which horizon?
5. What would a fuller answer to "what would a tariff cost Japan?" need that this model leaves out?

## Sources used in this notebook
""")
code("""
cited = {"nyt_article", "trade_klitgaard_saving_copy", "trade_oecd_wto_tiva_note_copy", "trade_cepr_arw_dp13564",
         "fgkk_2020_ssrn", "trade_japan_gov_summit_2025", "trade_philbiznews_joint_statement", "aft_jiji_1tn_annual",
         "tradegov_ccg_japan_2020", "tradegov_ccg_japan_2022", "tradegov_ccg_japan_later"}
for table in [goods, claims, japan, ties, load("trade_investment_claims"), threats, estimates, parameters]:
    cited |= set(table["source_id"].dropna())
cite(cited)
""")
md("""
**Next:** [03 · Offers and packages](03_offers_and_packages.ipynb) sizes what Ishiba could offer (P4) against what this notebook says is at stake.
""")
md(NAV, tags=["navigation"])

nb = nbformat.v4.new_notebook()
nb.metadata = old.metadata
nb.cells = cells
for i, cell in enumerate(nb.cells):
    cell["id"] = f"c{i:02d}"
nav_ids = iter(["navigation-top", "navigation-bottom"])
for cell in nb.cells:
    if "navigation" in cell.metadata.get("tags", []):
        cell["id"] = next(nav_ids)
nbformat.write(nb, PATH)
words = sum(len(c.source.split()) for c in nb.cells if c.cell_type == "markdown" and "navigation" not in c.metadata.get("tags", []))
print("markdown words:", words)
