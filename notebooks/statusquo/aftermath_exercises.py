"""The exercises of notebook 06 (what happened next), registered when statusquo.aftermath is imported."""

from __future__ import annotations

import pandas as pd

from . import trade  # noqa: F401  (some expected answers re-run notebook 02's model)
from .data import load
from .exercises import PERCENT_AS_FRACTION, SIGN_FLIPPED, Slip, choice_exercise, numeric_exercise, prediction


def _outcome(outcome_id: str) -> float:
    outcomes = load("aftermath_outcomes_2025")
    return float(outcomes[outcomes["used"]].set_index("outcome_id").loc[outcome_id, "change_percent"])


@prediction("06.1", "the change in the number of cars Japan shipped to the US, April to September 2025, in percent",
            tolerance=0.5, meaning=lambda guess, actual: (
                "Most people expect volume to fall with value. It hardly moved: exporters cut their prices and kept "
                "their sales, so the fall in value came from price, not volume." if guess < actual - 5 else
                "You expected what happened: the value fell, the number of cars hardly moved."))
def _expected_06_1() -> float:
    return _outcome("cars_volume_h1_fy2025")


def _unit_value_change(value_percent: float, volume_percent: float) -> float:
    return ((1 + value_percent / 100) / (1 + volume_percent / 100) - 1) * 100


@numeric_exercise("06.2", "the change in the yen price per car exported to the US, April to September 2025, in percent",
                  nudge="Price per car = value / number of cars, so its ratio is (1 + value change) / (1 + volume "
                        "change); subtract 1 and write it in percent.",
                  slips=[PERCENT_AS_FRACTION, SIGN_FLIPPED,
                         Slip("the two percent changes subtracted", lambda expected: _outcome("cars_value_h1_fy2025")
                              - _outcome("cars_volume_h1_fy2025"),
                              "Changes multiply, they do not subtract: divide the ratios 1 + change.")],
                  tolerance=0.002, minutes=4)
def _expected_06_2() -> float:
    return _unit_value_change(_outcome("cars_value_h1_fy2025"), _outcome("cars_volume_h1_fy2025"))


@choice_exercise("06.3", "what the backtest of cars shows", kind="interpret", options={
    "A": "The model was right about the fall in value for the wrong reason: it predicted fewer cars at unchanged "
         "prices, while the number of cars hardly fell and exporters cut their prices.",
    "B": "The model was confirmed: pass-through was complete, as it assumed.",
    "C": "The model overstated the fall because its elasticity was too low.",
    "D": "The figures show that US car buyers paid the whole tariff."}, explanations={
    "A": "Right. The value fell by about what the model said, but through price, not volume: pass-through at the "
         "border was close to zero, not 1.",
    "B": "Complete pass-through means exporters keep their prices and sell fewer cars; the number of cars hardly "
         "fell while the price per car fell by about a fifth.",
    "C": "A higher elasticity means a larger volume fall; the volume hardly fell at all, so the elasticity is not "
         "what went wrong.",
    "D": "If buyers had paid the whole tariff, Japanese export prices would not have fallen; they fell by about a "
         "fifth in dollars (Bank of Japan)."}, minutes=4)
def _expected_06_3() -> str:
    return "A"


@choice_exercise("06.4", "what no retaliation does to the Nash split", kind="concept", options={
    "A": "The US side's no-deal loss L_U is about zero, so the predicted concession x* = α·L_J − (1 − α)·L_U rises "
         "towards α·L_J: Japan should concede more.",
    "B": "Japan's no-deal loss L_J falls, so Japan should concede less.",
    "C": "Nothing changes: the disagreement point does not affect the split.",
    "D": "The US side's bargaining power α falls to zero."}, explanations={
    "A": "Right. A threat Japan did not make gives the US nothing to lose from no deal; the whole surplus tilts to "
         "the US side.",
    "B": "Not retaliating does not lower Japan's own loss from US tariffs; if anything it leaves Japan's exporters "
         "facing the tariffs with no bargaining chip.",
    "C": "The disagreement point is where Nash's split starts from: change it and the split moves.",
    "D": "α is the bargaining power, a separate assumption; the retaliation threat enters through L_U."}, minutes=3)
def _expected_06_4() -> str:
    return "A"


def _share_of_2025(days: int) -> float:
    return days / 365 * 100


@numeric_exercise("06.5", "the share of calendar 2025 during which Japanese cars paid the 25-point add-on, in percent",
                  nudge="Count the days of the autos step at 27.5% (both ends included), then divide by the days of "
                        "2025 and multiply by 100.",
                  slips=[PERCENT_AS_FRACTION,
                         Slip("days instead of a percent", lambda expected: expected * 365 / 100,
                              "That is the number of days; the question asks for a percent of the year."),
                         Slip("the last day left out", lambda expected: expected - 100 / 365,
                              "Count both the first and the last day: (to_date - from_date) + 1."),
                         Slip("a leap year's 366 days", lambda expected: expected * 365 / 366,
                              "2025 had 365 days; 2024 was the leap year.")],
                  tolerance=0.0005, minutes=4)
def _expected_06_5() -> float:
    tariffs = load("aftermath_tariffs")
    rows = tariffs[(tariffs["product"] == "autos") & (tariffs["rate_percent"] == 27.5)]
    end = rows["to_date"].clip(upper=pd.Timestamp("2025-12-31"))
    return _share_of_2025(int(((end - rows["from_date"]).dt.days + 1).sum()))
