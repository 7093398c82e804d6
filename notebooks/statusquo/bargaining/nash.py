"""Notebook 04: the Nash bargaining solution, with disagreement points in yen a year.

Payoffs are measured against today's status quo (no new tariffs), in JPY trillion a year.
- No deal: Japan loses L_J = T_J + S (export revenue at risk from a US tariff, plus the security cost
  of no deal, an assumption with a range); the US loses L_U (its export revenue at risk from Japan's
  answering tariff). The disagreement point is d = (−L_J, −L_U).
- A deal in which Japan concedes x gives Japan −x and the US +x, so the gains over no deal are
  L_J − x and L_U + x, and together they always add up to L_J + L_U (the surplus).
- The (generalised) Nash solution maximises (L_J − x)^(1−α) (L_U + x)^α, which gives
  x* = α·L_J − (1 − α)·L_U; Japan keeps the share 1 − α of the surplus and the US the share α.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from .common import check_non_negative, check_share, parameter

# Short names for charts where several offers share one label.
SHORT_LABELS = {"buy_us_weapons": "missile buy", "invest_us_ai": "SoftBank pledge",
                "share_defense_burden": "defence +1% of GDP", "raise_host_nation_support": "2019 host-nation ask",
                "showcase_investment_jobs": "investment story"}

SECURITY_CASES = {"low": "security_cost_no_deal_low", "central": "security_cost_no_deal",
                  "high": "security_cost_no_deal_high"}


def nash_concession(japan_loss: float, us_loss: float, us_power: float = 0.5) -> dict[str, float]:
    """Japan's concession x* = α·L_J − (1 − α)·L_U under the (generalised) Nash bargaining solution.

    japan_loss L_J and us_loss L_U are what each side loses if talks fail (>= 0, same unit); us_power α is
    the US side's bargaining power (0-1; 0.5 is Nash's symmetric case). A negative x* means the US concedes.
    """
    japan_loss = check_non_negative(japan_loss, "japan_loss", "Japan's loss if talks fail")
    us_loss = check_non_negative(us_loss, "us_loss", "the US side's loss if talks fail")
    us_power = check_share(us_power, "us_power", "the US side's bargaining power")
    concession = us_power * japan_loss - (1 - us_power) * us_loss
    surplus = japan_loss + us_loss
    return {
        "japan_loss": japan_loss, "us_loss": us_loss, "us_power": us_power,
        "concession": concession,
        "japan_gain": japan_loss - concession,
        "us_gain": concession + us_loss,
        "surplus": surplus,
        "japan_share_of_surplus": (japan_loss - concession) / surplus if surplus > 0 else float("nan"),
        "concession_share_of_japan_loss": concession / japan_loss if japan_loss > 0 else float("nan"),
    }


def nash_product(concession: float, japan_loss: float, us_loss: float, us_power: float = 0.5) -> float:
    """(L_J − x)^(1−α) × (x + L_U)^α: the quantity the Nash solution maximises (0 outside the deal zone)."""
    japan_gain, us_gain = japan_loss - concession, concession + us_loss
    if japan_gain < 0 or us_gain < 0:
        return 0.0
    return japan_gain ** (1 - us_power) * us_gain ** us_power


def japan_no_deal_loss(trade_at_risk: float, security_cost: float) -> float:
    """L_J = Japan's export revenue at risk + the security cost of no deal (both JPY tn a year)."""
    return (check_non_negative(trade_at_risk, "trade_at_risk", "JPY tn a year")
            + check_non_negative(security_cost, "security_cost", "JPY tn a year"))


def us_no_deal_loss(imports_from_us_jpy_tn: float, tariff_rate: float, retaliation_share: float,
                    pass_through: float, elasticity: float) -> float:
    """The US side's loss if talks fail: US export revenue at risk from a Japanese answering tariff (JPY tn).

    Japan is assumed to answer with `retaliation_share` × the US tariff on all US goods; the fall in US
    export revenue uses notebook 02's tariff model, treating US goods as one group.
    """
    check_non_negative(imports_from_us_jpy_tn, "imports_from_us_jpy_tn", "JPY trillion")
    retaliation_share = check_share(retaliation_share, "retaliation_share", "of the US tariff Japan answers with")
    us_goods = pd.DataFrame({"product_group": ["all_other"], "exports_jpy_tn": [float(imports_from_us_jpy_tn)]})
    return trade_at_risk({"all_other": tariff_rate * retaliation_share}, us_goods, pass_through, elasticity)


def trade_at_risk(rates: Mapping[str, float], exports: pd.DataFrame, pass_through: float, elasticity: float) -> float:
    """Fall in export revenue (JPY tn a year) from notebook 02's tariff model: the one call into it."""
    from .. import trade

    return float(trade.export_revenue_at_risk(exports, dict(rates), pass_through, elasticity)[trade.AT_RISK].sum())


def security_costs(parameters: pd.DataFrame) -> dict[str, float]:
    """{low, central, high} security cost of no deal (JPY tn a year) from the parameters table."""
    costs = {case: parameter(parameters, name) for case, name in SECURITY_CASES.items()}
    if not costs["low"] <= costs["central"] <= costs["high"]:
        raise ValueError(f"bargaining_parameters: the security cost range must run low <= central <= high; got {costs}")
    return costs


def split_by_security_cost(trade_at_risk_japan: float, us_loss: float, costs: Mapping[str, float],
                           us_powers: Sequence[float] = (0.5,)) -> pd.DataFrame:
    """The Nash split for each security-cost case (and each US bargaining power): one row each."""
    rows = []
    for power in us_powers:
        for case, cost in costs.items():
            result = nash_concession(japan_no_deal_loss(trade_at_risk_japan, cost), us_loss, power)
            rows.append({"case": case, "security_cost": float(cost), **result})
    return pd.DataFrame(rows)


def concession_curve(japan_losses: Sequence[float], us_loss: float, us_powers: Sequence[float]) -> pd.DataFrame:
    """Nash concession for each Japanese no-deal loss and each US bargaining power (long table)."""
    return pd.DataFrame([nash_concession(loss, us_loss, power) for power in us_powers for loss in japan_losses])


# --- The offers in the same unit as the concession: JPY trillion a year ----------------------------

def offer_money_sizes(sizes: pd.DataFrame, japan_2024: pd.DataFrame, exchange: pd.DataFrame) -> pd.DataFrame:
    """Each offer's headline size in JPY tn a year, from sourced figures, with the rule that annualises it.

    The rules are our assumptions (written out in `rule`); offers whose money size no source gives stay
    unsized (NaN) rather than guessed.
    """
    value = sizes.set_index("item_id")["value"].astype(float)
    japan = japan_2024[japan_2024["used"].astype(bool)].set_index("indicator")["value"].astype(float)
    yen_per_dollar, gdp = japan["jpy_per_usd"], japan["nominal_gdp"]
    hns_now = float(exchange.set_index("item_id").loc["hns_annual", "value"]) / 1000
    rows = [
        ("buy_us_weapons", value["tomahawk_contract_jpy"] / 1000 / 3,
         "a second buy the size of the Tomahawk contract (JPY 254 bn), paid over three years like the first"),
        ("invest_us_ai", value["softbank_pledge"] * yen_per_dollar / 1000 / 4,
         "SoftBank's USD 100 bn pledge spread evenly over its four years (private money, not the state's)"),
        ("share_defense_burden", gdp / 100,
         "one more percent of 2024 nominal GDP a year: a step from 2% towards the 3% US officials floated"),
        ("raise_host_nation_support", (value["hns_asked_2019"] - value["hns_paid_2019"]) * yen_per_dollar / 1000,
         f"meeting the 2019 ask: USD 8 bn a year asked against about 2.5 bn paid (now about JPY {hns_now:.2f} tn)"),
        ("showcase_investment_jobs", 0.0, "costs nothing new: it explains investment already made"),
        ("buy_us_energy", float("nan"), "not sized: the sources give volumes (million tonnes), not prices"),
        ("alaska_lng", float("nan"), "not sized: Japan's share of the USD 44 bn project and its timing were not reported"),
        ("nippon_steel_investment", float("nan"), "not sized: a firm's purchase price is not a payment to the US side"),
    ]
    return pd.DataFrame(rows, columns=["option_id", "jpy_tn_a_year", "rule"])


def money_packages(money: pd.DataFrame) -> pd.DataFrame:
    """Every package of the sized offers that cost something, with its total JPY tn a year, smallest first."""
    sized = money[money["jpy_tn_a_year"] > 0].reset_index(drop=True)
    rows = []
    for k in range(2 ** len(sized)):
        picked = [i for i in range(len(sized)) if k >> i & 1]
        rows.append({"package": "+".join(sized.loc[picked, "option_id"]) or "(nothing)", "n_options": len(picked),
                     "jpy_tn_a_year": float(sized.loc[picked, "jpy_tn_a_year"].sum())})
    return pd.DataFrame(rows).sort_values(["jpy_tn_a_year", "package"], kind="stable").reset_index(drop=True)


def packages_in_range(packages: pd.DataFrame, low: float, high: float) -> pd.DataFrame:
    """The packages whose yearly size lies from `low` to `high` (JPY tn a year), with a flag column."""
    if not low <= high:
        raise ValueError(f"the range must run from low to high; got {low!r} to {high!r}")
    table = packages.copy()
    table["inside"] = (table["jpy_tn_a_year"] >= low - 1e-9) & (table["jpy_tn_a_year"] <= high + 1e-9)
    return table


def no_deal_inputs(scenario: str = "universal_25", answering_tariff: float = 0.25) -> dict[str, float]:
    """The Nash model's inputs from the data: Japan's and the US side's export revenue at risk (central
    trade parameters of notebook 02), the three security-cost cases and the US bargaining power."""
    from .. import trade
    from ..data import load

    japan = load("trade_japan_2024")
    trade_parameters = load("trade_parameters").set_index("parameter")
    pass_through = float(trade_parameters.loc["pass_through", "central"])
    elasticity = float(trade_parameters.loc["import_elasticity", "central"])
    parameters = load("bargaining_parameters")
    rates = trade.scenario_rates(load("trade_scenarios"), scenario)
    return {
        "trade_at_risk_japan": trade_at_risk(rates, trade.export_base(japan), pass_through, elasticity),
        "us_loss": us_no_deal_loss(trade.used_value(japan, "imports_from_us"), answering_tariff,
                                   parameter(parameters, "retaliation_share"), pass_through, elasticity),
        "pass_through": pass_through, "elasticity": elasticity,
        **{f"security_{case}": cost for case, cost in security_costs(parameters).items()},
        "us_power": parameter(parameters, "nash_us_power"),
    }
