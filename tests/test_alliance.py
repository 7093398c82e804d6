"""Unit tests for statusquo.alliance: the dependence index, its inputs, the weights panel and exercises 01.x."""

from __future__ import annotations

import matplotlib
import pandas as pd
import pytest

matplotlib.use("Agg")
import matplotlib.pyplot as plt

from statusquo import alliance, exercises, load

HIGHER, LOWER = alliance.HIGHER, alliance.LOWER
DIRECTIONS = {"us_troops_hosted": HIGHER, "military_spending_pct_gdp": LOWER, "exports_to_us_share": HIGHER}


def toy_allies(rows):
    """An alliance_allies-shaped table from (ally, troops, spending, exports) tuples; None = no figure."""
    records = []
    for ally, *values in rows:
        for indicator, value in zip(alliance.INDICATORS, values):
            records.append({"ally": ally, "indicator": indicator, "period": "2024", "value": value,
                            "use_in_index": value is not None})
    frame = pd.DataFrame(records)
    frame["value"] = frame["value"].astype("Float64")
    return frame


TOY = toy_allies([("A", 100, 1.0, 30.0), ("B", 50, 2.0, 10.0), ("C", 0, 3.0, 20.0)])


# --- weights -------------------------------------------------------------------------------------------

def test_validate_weights_fills_missing_indicators_with_zero():
    assert alliance.validate_weights({"us_troops_hosted": 2}) == {
        "us_troops_hosted": 2.0, "military_spending_pct_gdp": 0.0, "exports_to_us_share": 0.0}


@pytest.mark.parametrize("weights, words", [
    ({"us_troops_hosted": 0, "military_spending_pct_gdp": 0, "exports_to_us_share": 0}, "all weights are zero"),
    ({}, "all weights are zero"),
    ({"us_troops_hosted": -0.1, "exports_to_us_share": 1}, "weights['us_troops_hosted'] must be >= 0"),
    ({"gdp": 1}, "unknown indicator"),
    ({"exports_to_us_share": "a lot"}, "must be a number >= 0"),
    ({"exports_to_us_share": float("nan")}, "finite number"),
    ({"exports_to_us_share": float("inf")}, "finite number"),
])
def test_invalid_weights_raise_a_clear_value_error(weights, words):
    with pytest.raises(ValueError, match=words.replace("[", r"\[").replace("]", r"\]")):
        alliance.validate_weights(weights)


def test_default_weights_come_from_the_assumptions_table():
    weights = alliance.default_weights()
    assert set(weights) == set(alliance.INDICATORS)
    assert all(w >= 0 for w in weights.values()) and sum(weights.values()) > 0
    assert alliance.directions()["military_spending_pct_gdp"] == LOWER


# --- normalisation and index ---------------------------------------------------------------------------

def test_min_max_scores_by_hand_and_reversed():
    values = pd.Series([10.0, 20.0, 40.0], index=["x", "y", "z"])
    assert alliance.min_max_scores(values).tolist() == pytest.approx([0.0, 1 / 3, 1.0])
    assert alliance.min_max_scores(values, LOWER).tolist() == pytest.approx([1.0, 2 / 3, 0.0])


def test_min_max_scores_constant_column_scores_half():
    assert alliance.min_max_scores(pd.Series([5.0, 5.0])).tolist() == [0.5, 0.5]


def test_min_max_scores_rejects_unknown_direction():
    with pytest.raises(ValueError, match="direction must be"):
        alliance.min_max_scores(pd.Series([1.0, 2.0]), "sideways")


def test_index_known_case_computed_by_hand():
    # Scores: troops A1 B.5 C0; spending (reversed) A1 B.5 C0; exports A1 B0 C.5.
    result = alliance.dependence_index(TOY, {"us_troops_hosted": 1, "military_spending_pct_gdp": 1,
                                             "exports_to_us_share": 2}, DIRECTIONS)
    assert result["index"].to_dict() == pytest.approx({"A": 100.0, "B": 25.0, "C": 25.0})
    assert result["rank"].to_dict() == {"A": 1, "B": 2, "C": 2}  # ties share the better rank


def test_index_only_depends_on_relative_weights():
    one = alliance.dependence_index(TOY, {"us_troops_hosted": 1, "exports_to_us_share": 1}, DIRECTIONS)
    ten = alliance.dependence_index(TOY, {"us_troops_hosted": 10, "exports_to_us_share": 10}, DIRECTIONS)
    pd.testing.assert_series_equal(one["index"], ten["index"])


def test_more_weight_on_an_indicator_helps_the_ally_that_leads_it():
    # C leads nobody on troops but beats B on exports: raising the export weight must raise C above B.
    low = alliance.dependence_index(TOY, {"us_troops_hosted": 1, "exports_to_us_share": 0.1}, DIRECTIONS)
    high = alliance.dependence_index(TOY, {"us_troops_hosted": 1, "exports_to_us_share": 5}, DIRECTIONS)
    assert low.loc["B", "index"] > low.loc["C", "index"]
    assert high.loc["C", "index"] > high.loc["B", "index"]
    assert high.loc["C", "index"] > low.loc["C", "index"]


def test_index_stays_between_0_and_100():
    result = alliance.dependence_index(TOY, {"us_troops_hosted": 0.3, "military_spending_pct_gdp": 0.9,
                                             "exports_to_us_share": 0.2}, DIRECTIONS)
    assert result["index"].between(0, 100).all()


def test_allies_with_gaps_are_excluded_with_a_reason_unless_the_indicator_has_zero_weight():
    allies = toy_allies([("A", 100, 1.0, 30.0), ("B", None, 2.0, 10.0), ("C", 0, 3.0, None)])
    result = alliance.dependence_index(allies, {"us_troops_hosted": 1, "exports_to_us_share": 1}, DIRECTIONS)
    assert list(result.index) == ["A"]
    assert set(result.attrs["excluded"]) == {"B", "C"}
    assert "US troops" in result.attrs["excluded"]["B"]
    spending_only = alliance.dependence_index(allies, {"military_spending_pct_gdp": 1}, DIRECTIONS)
    assert set(spending_only.index) == {"A", "B", "C"} and spending_only.attrs["excluded"] == {}


def test_rows_not_marked_for_the_index_are_ignored():
    allies = TOY.copy()
    extra = {"ally": "A", "indicator": "exports_to_us_share", "period": "2023", "value": 99.0, "use_in_index": False}
    allies = pd.concat([allies, pd.DataFrame([extra])], ignore_index=True)
    assert alliance.indicator_table(allies).loc["A", "exports_to_us_share"] == 30.0


def test_two_figures_marked_for_the_index_is_an_error():
    allies = TOY.copy()
    extra = {"ally": "A", "indicator": "exports_to_us_share", "period": "2023", "value": 99.0, "use_in_index": True}
    allies = pd.concat([allies, pd.DataFrame([extra])], ignore_index=True)
    with pytest.raises(ValueError, match="more than one figure"):
        alliance.indicator_table(allies)


def test_no_ally_complete_is_an_error():
    allies = toy_allies([("A", None, 1.0, 30.0), ("B", None, 2.0, 10.0)])
    with pytest.raises(ValueError, match="no ally has figures"):
        alliance.dependence_index(allies, {"us_troops_hosted": 1}, DIRECTIONS)


def test_index_is_a_position_in_the_group_not_an_amount():
    """Adding an ally that leads an indicator moves every other ally's score: the index is relative."""
    base = alliance.dependence_index(TOY, {"us_troops_hosted": 1}, DIRECTIONS)
    wider = alliance.dependence_index(toy_allies([("A", 100, 1.0, 30.0), ("B", 50, 2.0, 10.0), ("C", 0, 3.0, 20.0),
                                                  ("D", 200, 1.0, 30.0)]), {"us_troops_hosted": 1}, DIRECTIONS)
    assert base.loc["A", "index"] == 100 and wider.loc["A", "index"] == 50
    assert base.loc["B", "index"] == 50 and wider.loc["B", "index"] == 25  # B's own figures did not change


# --- the real data -------------------------------------------------------------------------------------

def test_real_data_default_ranking_and_exclusions():
    allies = load("alliance_allies")
    ranking = alliance.dependence_index(allies, alliance.default_weights())
    assert ranking.index[0] == "Japan"
    assert set(ranking.attrs["excluded"]) == {"Australia", "Philippines"}
    # Every figure the index may use has a source row.
    usable = allies[allies["use_in_index"].astype(bool)]
    assert usable["source_id"].notna().all()


def test_real_data_at_most_one_index_figure_per_ally_and_indicator():
    allies = load("alliance_allies")
    usable = allies[allies["use_in_index"].astype(bool)]
    assert not usable.duplicated(["ally", "indicator"]).any()


def test_exchange_table_marks_one_used_figure_per_item():
    exchange = load("alliance_exchange")
    used = exchange[exchange["used"].astype(bool)]
    assert not used.duplicated(["item"]).any()
    assert alliance.used_exchange_value(exchange, "us_troops_dmdc") == 52852
    with pytest.raises(KeyError):
        alliance.used_exchange_value(exchange, "treaty_in_force")  # a commitment, not a number


# --- small calculations --------------------------------------------------------------------------------

def test_support_per_service_member_by_hand():
    assert alliance.support_per_service_member(211, 52852) == pytest.approx(211_000 / 52852)
    with pytest.raises(ValueError, match="us_personnel must be > 0"):
        alliance.support_per_service_member(211, 0)
    with pytest.raises(ValueError, match="host_nation_support_jpy_bn must be >= 0"):
        alliance.support_per_service_member(-1, 10)


def test_growth_percent():
    assert alliance.growth_percent(100, 183) == pytest.approx(83.0)
    with pytest.raises(ValueError, match="start must be > 0"):
        alliance.growth_percent(0, 5)


# --- the panel -----------------------------------------------------------------------------------------

def test_ranking_panel_returns_table_and_lists_exclusions():
    allies = load("alliance_allies")
    fig, ax = plt.subplots()
    table, message = alliance.ranking_panel(allies, 0.4, 0.3, 0.3, ax=ax)
    assert list(table.columns) == ["index", "rank"] and table.index[0] == "Japan"
    assert message.startswith("Left out: Australia")
    assert len(ax.patches) == len(table)
    plt.close(fig)


@pytest.mark.parametrize("weights, words", [((0, 0, 0), "all weights are zero"), ((-1, 1, 1), "must be >= 0")])
def test_ranking_panel_turns_invalid_weights_into_a_message(weights, words):
    fig, ax = plt.subplots()
    table, message = alliance.ranking_panel(load("alliance_allies"), *weights, ax=ax)
    assert table is None and message.startswith("Invalid weights.") and words in message
    plt.close(fig)


def test_ranking_panel_spending_only_ranks_all_six():
    table, message = alliance.ranking_panel(load("alliance_allies"), 0, 1, 0)
    assert len(table) == 6 and message == "All six allies ranked."


def test_weights_panel_widget_updates_message_on_slider_change():
    panel = alliance.weights_panel(load("alliance_allies"))
    assert panel.message.value.count("Left out") == 1
    for slider in panel.sliders.values():
        slider.value = 0.0
    assert "Invalid weights" in panel.message.value and "all weights are zero" in panel.message.value
    panel.sliders["military_spending_pct_gdp"].value = 1.0
    assert "All six allies ranked" in panel.message.value
    plt.close("all")


def test_the_panel_chart_carries_alt_text_from_the_ranking_it_shows():
    table, message = alliance.weights_panel_result(load("alliance_allies"), 0, 1, 0)
    alt = alliance.ranking_alt_text(table, message, {"us_troops_hosted": 0, "military_spending_pct_gdp": 1,
                                                     "exports_to_us_share": 0})
    assert alt.startswith("Horizontal bars of the dependence ranking")
    assert "Philippines (rank 1" in alt and "All six allies ranked." in alt


# --- panel: every slider value, and hostile values ---------------------------------------------------------

SLIDER_VALUES = [i * alliance.WEIGHT_STEP for i in range(21)]  # what 0..1 in steps of 0.05 produces, float noise included


@pytest.mark.parametrize("value", SLIDER_VALUES + [0.15000000000000002, 0.30000000000000004, 1.0000000000000002])
def test_panel_accepts_every_value_its_sliders_produce(value):
    allies = load("alliance_allies")
    for weights in [(value, 0.3, 0.3), (0.4, value, 0.3), (0.4, 0.3, value), (value, value, value)]:
        table, message = alliance.ranking_panel(allies, *(alliance.on_step(w) for w in weights))
        if sum(alliance.on_step(w) for w in weights) == 0:
            assert table is None and "all weights are zero" in message
        else:
            assert table is not None and table["index"].between(0, 100).all(), message


def test_on_step_removes_float_noise():
    assert alliance.on_step(0.15000000000000002) == 0.15
    assert alliance.on_step(3 * 0.1) == 0.3
    assert alliance.on_step(0.999999999) == 1.0


@pytest.mark.parametrize("weights, words", [
    (("a lot", 0.3, 0.3), "must be a number"),
    ((None, 0.3, 0.3), "must be a number"),
    ((float("nan"), 0.3, 0.3), "finite"),
    ((float("inf"), 0.3, 0.3), "finite"),
    ((-0.05, 0.3, 0.3), "must be >= 0"),
    ((1e308, 1e308, 1e308), "too large"),
    (([1], 0.3, 0.3), "must be a number"),
])
def test_panel_turns_hostile_values_into_a_message(weights, words):
    fig, ax = plt.subplots()
    table, message = alliance.ranking_panel(load("alliance_allies"), *weights, ax=ax)
    assert table is None and message.startswith("Invalid weights.") and words in message
    assert not ax.patches  # no stale bars beside the message
    plt.close(fig)


def test_ranking_alt_text_follows_the_values():
    allies = load("alliance_allies")
    table, message = alliance.ranking_panel(allies, 0.4, 0.3, 0.3)
    alt = alliance.ranking_alt_text(table, message, {"us_troops_hosted": 0.4, "military_spending_pct_gdp": 0.3,
                                                     "exports_to_us_share": 0.3})
    changed = table.copy()
    changed.loc["Germany", "index"] = 12.3
    alt_changed = alliance.ranking_alt_text(changed, message, {"us_troops_hosted": 0.4, "military_spending_pct_gdp": 0.3,
                                                               "exports_to_us_share": 0.3})
    assert f"{table.loc['Germany', 'index']:.1f}" in alt and "12.3" in alt_changed and alt != alt_changed


# --- figures: alt text from the data, text at least 10 pt ----------------------------------------------------

@pytest.mark.parametrize("name", ["budget_figure", "threats_figure", "allies_figure"])
def test_figures_build_alt_text_from_values_and_use_readable_text(name):
    table = {"budget_figure": "alliance_japan_defense_budget", "threats_figure": "alliance_threats",
             "allies_figure": "alliance_allies"}[name]
    data = load(table)
    fig, alt = getattr(alliance, name)(data)
    sizes = [t.get_fontsize() for t in fig.findobj(matplotlib.text.Text) if t.get_text().strip()]
    assert min(sizes) >= 10, f"{name}: smallest text {min(sizes)} pt"
    plt.close(fig)
    changed = data.copy()
    column = "budget_jpy_bn" if "budget_jpy_bn" in data else "value"
    row = changed[column].first_valid_index()
    assert "used" not in changed or bool(changed.loc[row, "used"])
    changed.loc[row, column] = 4321.0
    fig, alt_changed = getattr(alliance, name)(changed)
    plt.close(fig)
    assert alt != alt_changed and "4,321" in alt_changed


def test_source_line_names_publishers_and_tiers_without_cjk():
    line = alliance.source_line(load("alliance_japan_defense_budget"), load("sources"))
    assert "Ministry of Defense of Japan (primary)" in line
    assert line.isascii()


def test_fy2025_security_spending_is_not_filed_as_the_defence_budget():
    exchange = load("alliance_exchange").set_index("item_id")
    budget = load("alliance_japan_defense_budget")
    total = exchange.loc["security_spending_fy2025_with_supplementary"]
    assert "not the defence budget" in total["basis"]
    fy25 = budget[(budget["fiscal_year"] == 2025) & (budget["basis"] == alliance.MAIN_BASIS)]["budget_jpy_bn"].iloc[0]
    assert total["value"] > fy25  # the larger figure counts more than defence


def test_warhead_series_starts_with_the_method_change():
    threats = load("alliance_threats")
    warheads = threats[(threats["indicator"] == "north_korea_warheads") & threats["used"].astype(bool)]
    first = warheads.sort_values("year", kind="stable").iloc[0]
    assert first["year"] == 2022 and "not comparable" in first["note"] and "upper bound" not in first["note"]
    assert not warheads.duplicated("year").any()  # one used figure per year
    assert first["source_id"] == "intro_sipri_yb2022_nk"  # SIPRI's own text, not a report of it


# --- exercises -----------------------------------------------------------------------------------------

def test_exercise_answers_computed_from_data():
    assert exercises.EXERCISES["01.1"].expected() == pytest.approx(211_000 / 52852)
    assert exercises.EXERCISES["01.2"].expected() == pytest.approx((8700.5 / 5400.5 - 1) * 100)
    assert exercises.EXERCISES["01.3"].expected() == pytest.approx((5400.5 / 4753.8 - 1) * 100)
    assert exercises.EXERCISES["01.4"].expected() == "B"
    assert exercises.EXERCISES["01.5"].expected() == "B"
    assert {exercises.EXERCISES[f"01.{i}"].kind for i in range(1, 6)} == set(exercises.KINDS)


@pytest.mark.parametrize("exercise_id, wrong, slip", [
    ("01.1", 211 / 52852, "1,000 too small"),
    ("01.1", 211_000_000 / 52852, "1,000 too big"),
    ("01.1", 1055_000 / 52852, "five-year total"),
    ("01.1", 211_000 / 54000, "USFJ"),
    ("01.3", (5400.5 / 4753.8 - 1), "percent written as a fraction"),
    ("01.3", (5178.8 / 4680.4 - 1) * 100, "without SACO"),
    ("01.3", (6821.9 / 4753.8 - 1) * 100, "FY2023"),
    ("01.3", 5400.5 / 4753.8, "ratio"),
])
def test_numeric_exercises_name_their_slips(exercise_id, wrong, slip):
    verdict = exercises.verdict(exercise_id, wrong)
    assert verdict.startswith(exercises.WRONG) and slip in verdict


def test_exercise_verdicts_for_right_not_answered_and_wrong_kind():
    assert exercises.verdict("01.1", exercises.EXERCISES["01.1"].expected()).startswith(exercises.CORRECT)
    assert exercises.verdict("01.3", ...).startswith(exercises.NOT_ANSWERED)
    assert exercises.verdict("01.3", load("alliance_japan_defense_budget")).startswith(exercises.WRONG_KIND)
    assert exercises.verdict("01.4", "A").startswith(exercises.WRONG)
    assert exercises.verdict("01.2", 10).startswith(exercises.WRONG)


# --- notebook 01: every numbered section runs after the setup cell alone ----------------------------------

def notebook_sections(path):
    """(setup source, {section heading: [code sources]}) for the '## N.' sections of a notebook."""
    import json

    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    code = [c for c in cells if c["cell_type"] == "code"]
    setup = "".join(code[0]["source"])
    sections, current = {}, None
    for cell in cells:
        source = "".join(cell["source"])
        if cell["cell_type"] == "markdown":
            heading = next((line for line in source.splitlines() if line.startswith("## ")), None)
            if heading:
                current = heading if heading[3:4].isdigit() else None
                if current:
                    sections[current] = []
        elif current and "# NBVAL_IGNORE_OUTPUT" not in source:
            sections[current].append(source)
    return setup, sections


def test_each_section_of_notebook_01_starts_from_its_own_cells(tmp_path, monkeypatch, capsys):
    """A group sent straight to a section runs the setup cell, then that section: no NameError."""
    from statusquo import plots
    from statusquo.data import REPO_ROOT

    monkeypatch.setattr(plots, "FIGURES_DIR", tmp_path)  # keep the stored figures untouched
    setup, sections = notebook_sections(REPO_ROOT / "notebooks" / "01_alliance_dependence.ipynb")
    assert len(sections) == 5
    setup = "\n".join(line for line in setup.splitlines() if not line.startswith("%"))
    for cells in sections.values():
        namespace = {"display": print}
        exec(setup, namespace)
        for source in cells:
            exec(source, namespace)  # raises NameError if the section needs a cell from an earlier one
        plt.close("all")
    assert "Correct!" in capsys.readouterr().out
