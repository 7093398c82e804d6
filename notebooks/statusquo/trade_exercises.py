"""The exercises of notebook 02. Expected answers and the slips each question invites are computed from
the data here, never typed, so they follow any correction of a table. Imported by statusquo.trade."""

from __future__ import annotations

from . import trade
from .data import load
from .exercises import PERCENT_AS_FRACTION, Slip, choice_exercise, numeric_exercise, prediction

TRILLION_USD_BN = 1000.0


def _positions():
    return trade.fdi_positions(load("trade_investment_ties"))


def _base():
    japan = load("trade_japan_2024")
    return trade.export_base(japan), load("trade_parameters"), trade.used_value(japan, "nominal_gdp")


def _years_with(rise_from: int, steps: float, target: float = TRILLION_USD_BN) -> float:
    positions = _positions()
    rise = (positions.loc[2023, "Japan"] - positions.loc[rise_from, "Japan"]) / steps
    return (target - positions.loc[2023, "Japan"]) / rise


@numeric_exercise(
    "02.1", "years after end-2023 until Japan's FDI position in the US reaches 1 trillion dollars at its 2019-2023 "
    "average yearly rise", kind="compute",
    nudge="Average yearly rise = (2023 value − 2019 value) ÷ number of yearly steps; then (1,000 − 2023 value) ÷ that rise.",
    slips=[Slip("the rise of the last year only (2022 to 2023)", lambda expected: _years_with(2022, 1),
                "The question asks for the average yearly rise over 2019–2023, not the last year's."),
           Slip("five yearly steps from 2019 to 2023 (there are four)", lambda expected: _years_with(2019, 5),
                "End-2019 to end-2023 is four yearly steps: 2020, 2021, 2022, 2023."),
           Slip("1 trillion written as 1 (the table is in billions)", lambda expected: _years_with(2019, 4, 1.0),
                "The positions are in USD billion, so 1 trillion is 1,000.")],
    tolerance=0.01, minutes=4)
def _years_to_trillion() -> float:
    return trade.years_to_reach(_positions(), TRILLION_USD_BN, 2019, 2023)


def _at_risk_short_run_ten_percent(pass_through: float) -> float:
    exports, _, gdp = _base()
    universal_10 = trade.scenario_rates(load("trade_scenarios"), "universal_10")
    return trade.total_at_risk(exports, universal_10, pass_through, 0.76, gdp)[trade.AT_RISK]


@choice_exercise(
    "02.2", "what absorbing half of a 10% tariff does to export revenue at risk at a short-run elasticity of 0.76",
    kind="concept",
    options={"A": "It rises: exporters give up more on price than they win back in volume.",
             "B": "It falls: absorbing the tariff always protects export revenue.",
             "C": "It does not change: who pays the tariff never matters to export revenue.",
             "D": "It cannot be said without knowing the tariff rate."},
    explanations={"A": "Below an elasticity of 1 buyers hardly react to price, so the volume an exporter keeps by "
                       "cutting its price is worth less than the margin it gives up on every unit.",
                  "B": "That holds only above an elasticity of 1, where buyers react strongly to price. At 0.76 "
                       "the sign of (1 − ε) in the derivative is positive, so absorbing the tariff costs revenue.",
                  "C": "That is true only at an elasticity of exactly 1, where the volume and price effects cancel.",
                  "D": "The derivative's sign is the sign of (1 − ε) for every positive tariff: the rate changes "
                       "how much, not which way."},
    minutes=3)
def _pass_through_short_run() -> str:
    return "A" if _at_risk_short_run_ten_percent(0.5) > _at_risk_short_run_ten_percent(1.0) else "B"


def _horizon_ratio() -> float:
    exports, parameters, gdp = _base()
    universal_10 = trade.scenario_rates(load("trade_scenarios"), "universal_10")
    results = trade.horizon_results(exports, universal_10, parameters, gdp).set_index("horizon")[trade.AT_RISK]
    return float(results["long_run"] / results["short_run"])


def _ratio_meaning(guess: float, actual: float) -> str:
    if abs(guess - actual) <= 0.1 * actual:
        return ("Buyers take years to switch suppliers, so a tariff that lasts puts about twice as much at risk "
                "as its first year shows: horizon, not pass-through, is the big uncertainty.")
    if guess < actual:
        return ("Buyers take years to switch suppliers: most of the fall in trade comes after the first year, "
                "so a one-year answer understates what a tariff that lasts would do.")
    return ("Buyers react less in the first year than you expected, but a long-run elasticity of about 2 still "
            "roughly doubles the answer: horizon, not pass-through, is the big uncertainty.")


@prediction("02.3", "how many times larger the long-run export revenue at risk is than the short-run one "
            "(10% on everything, central values)", meaning=_ratio_meaning, tolerance=0.25, minutes=2)
def _expected_ratio() -> float:
    return _horizon_ratio()


def _cars_and_parts(groups: tuple[str, ...], horizon: str) -> float:
    exports, parameters, gdp = _base()
    central = parameters.set_index("parameter")["central"]
    rates = {g: 0.25 for g in groups}
    return trade.total_at_risk(exports, rates, float(central["pass_through"]), float(central[trade.HORIZONS[horizon]]),
                               gdp)["equal_to_percent_of_gdp"]


@numeric_exercise(
    "02.4", "long-run export revenue at risk of 25% on cars and auto parts, as the percent of Japan's 2024 GDP it "
    "equals in size", kind="compute",
    nudge="Use the rates {'autos': 0.25, 'auto_parts': 0.25}, pass-through 1 and the long-run central elasticity.",
    slips=[PERCENT_AS_FRACTION,
           Slip("the short-run elasticity (the question asks for the long run)",
                lambda expected: _cars_and_parts(("autos", "auto_parts"), "short_run"),
                "Take the central value of the elasticity_long_run row, not elasticity_short_run."),
           Slip("cars only, with auto parts left out", lambda expected: _cars_and_parts(("autos",), "long_run"),
                "The tariff here covers auto parts as well as cars: put both groups in the mapping.")],
    tolerance=0.01, minutes=4)
def _cars_and_parts_long_run() -> float:
    return _cars_and_parts(("autos", "auto_parts"), "long_run")


@choice_exercise(
    "02.5", "what 'export revenue at risk equal in size to x% of GDP' means", kind="interpret",
    options={"A": "Japan's GDP would be that many percent lower in the long run.",
             "B": "Japanese exporters would earn that much less from US sales, at 2024 values; the effect on "
                  "Japan's GDP would be smaller, by an amount this model cannot say.",
             "C": "US buyers would pay that much more for Japanese goods.",
             "D": "Japan would lose that much welfare, and the US would gain the same."},
    explanations={"A": "GDP counts value added. Part of the lost revenue paid for imported inputs, and exporters "
                       "can sell elsewhere; the model measures neither, so it cannot give a GDP loss.",
                  "B": "Right: it is a gross revenue figure, compared with GDP only to give a sense of size.",
                  "C": "That is the tariff bill at the US border, a different quantity: with full pass-through "
                       "US buyers pay the duty on the goods they still buy, not the revenue Japan loses.",
                  "D": "Revenue at risk is not welfare, and tariffs are not a transfer of equal size: the 2018 "
                       "studies found the US itself lost real income."},
    minutes=4)
def _gdp_reading() -> str:
    return "B"
