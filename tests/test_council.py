"""statusquo.council and council_form: the strategy council game's rules, bad entries, the 'not solved in
advance' property over many seeds, ratification, the seeded US side and the entry form."""

import re

import numpy as np
import pandas as pd
import pytest

from statusquo import council as c
from statusquo import council_form as form
from statusquo import load

G = c.game()
CHEAP = ["buy_us_energy", "invest_us_ai", "showcase_investment_jobs"]
ENERGY_MOVE = {"demands": ["D12", "D13", "D15"]}


@pytest.fixture(scope="module")
def default_plays():
    return c.simulate(seeds=range(1000))


# --- Tokens, weights and moves --------------------------------------------------------------------------

def test_default_tokens_split_evenly_and_weights_are_averages():
    tokens = c.check_tokens("japan", None)
    assert sum(tokens.values()) == 10 and set(tokens) == {"mofa", "mod", "meti", "mof", "whip"}
    weights = c.team_weights("japan")
    table = load("council_role_weights").query("role_id in @tokens.keys() and criterion == 'cost'")
    assert weights["cost"] == pytest.approx(table["weight"].mean())


def test_tokens_change_the_councils_weights():
    finance = c.team_weights("japan", {"mof": 10})
    whip = c.team_weights("japan", {"whip": 10})
    assert finance["cost"] == 3 and whip["domestic"] == 3 and finance != whip
    pentagon = c.team_weights("us", {"pentagon": 10})
    assert pentagon["area_defense"] == 3 and pentagon["area_trade"] == 0


@pytest.mark.parametrize("call,words", [
    (lambda: c.check_tokens("japan", {"mofa": 6, "mod": 6}), "over budget: 12 tokens"),
    (lambda: c.check_tokens("japan", {"mofa": 4}), "4 tokens given; split all 10"),
    (lambda: c.check_tokens("japan", {"prime_minister": 10}), "unknown role"),
    (lambda: c.check_tokens("us", {"mofa": 10}), "unknown role"),
    (lambda: c.check_tokens("japan", {"mofa": -2, "mod": 12}), "whole number >= 0"),
    (lambda: c.check_tokens("japan", {"mofa": 2.5, "mod": 7.5}), "whole number >= 0"),
    (lambda: c.check_tokens("japan", {}), "no tokens given"),
    (lambda: c.check_tokens("china", None), "unknown side"),
    (lambda: c.check_offers(["free_lunch"]), "unknown offer"),
    (lambda: c.check_offers("buy_us_energy"), "as a list of ids"),
    (lambda: c.check_offers(["buy_us_energy", "buy_us_energy"]), "listed twice"),
    (lambda: c.check_demands([]), "no demand given"),
    (lambda: c.check_demands(["D05", "D11", "D12", "D13"]), "over budget: 4 demands"),
    (lambda: c.check_demands(["D01"]), "unknown demand"),      # a first-term precedent, not in the draw
    (lambda: c.check_demands(["D05", "D05"]), "listed twice"),
    (lambda: c.dice(-1), "seed"),
    (lambda: c.dice(2.5), "seed"),
    (lambda: c.play_round([], 1), "no table entered"),
    (lambda: c.play_round([{"table": "A", "japan": {"offers": CHEAP}, "us": ENERGY_MOVE}] * 2, 1), "duplicate team"),
    (lambda: c.play_round([{"japan": {}, "us": ENERGY_MOVE}], 1), "table name"),
    (lambda: c.play_round([{"table": "T3", "japan": {"offers": ["x"]}, "us": ENERGY_MOVE}], 1), "T3: .*unknown offer"),
    (lambda: c.play_table([], ENERGY_MOVE, 1), "must be a dict"),
])
def test_bad_moves_are_refused_with_a_sentence(call, words):
    with pytest.raises(c.MoveError, match=words):
        call()


def test_a_whole_float_token_is_accepted():
    assert c.check_tokens("japan", {"mofa": 10.0}) == {"mofa": 10, "mod": 0, "meti": 0, "mof": 0, "whip": 0}


# --- The rules: ratification, the die, one scored table ---------------------------------------------------

def test_the_diet_rule():
    budget = G.rule("diet_budget")
    assert budget == load("bargaining_parameters").set_index("parameter").loc["budget_minority", "value"]
    assert list(c.diet_needs([0, 8, 9, 10, 13, 14])) == [0, 0, 2, 3, 6, 7]   # 7 on a six-sided die: rejected


def test_the_congress_rule():
    minimum = G.rule("us_visible_minimum")
    assert minimum == load("bargaining_parameters").set_index("parameter").loc["us_minimum_visible_value", "value"]
    # 25 or more passes; 22 is 3 short (one step: a 2 or more); 19 + 2 answered x 3 = 25 passes.
    assert list(c.congress_needs([25, 22, 21, 19, 19, 7], [0, 0, 0, 0, 2, 0])) == [0, 2, 3, 3, 0, 7]


def test_white_house_die_faces_cover_the_die_in_every_band():
    faces = load("bargaining_roleplay_responses").groupby("visible_band")["die_faces"].sum()
    assert (faces == 6).all()
    assert c.white_house_reaction([5, 20, 30], 1)[0].tolist() == ["threatens tariffs"] * 3
    assert c.white_house_reaction([5, 20, 30], 6)[0].tolist() == ["welcomes"] * 3
    assert c.white_house_reaction([5, 20, 30], 3)[0].tolist() == ["asks for more", "asks for more", "welcomes"]


def test_one_table_scored_by_hand():
    record = c.play_table({"offers": CHEAP, "tokens": {"meti": 10}}, {"demands": ["D05", "D12", "D20"]}, 7)
    rolls = c.dice(7)
    scores = load("bargaining_option_scores").set_index("option_id").loc[CHEAP].sum(numeric_only=True)
    assert record["visible_value_us"] == scores["visible_value_us"] == 18
    assert record["demands_answered"] == "D12"            # energy answers the deficit demand, not 3% or rice
    penalties = load("bargaining_roleplay_demands").set_index("demand_id")["penalty"]
    assert record["unanswered_penalty"] == penalties["D05"] + penalties["D20"]
    assert record["diet_needs"] == 0 and record["diet_ratifies"]     # domestic cost 3, within 8
    assert record["congress_needs"] == 1 + np.ceil((25 - 18 - 3) / 3)
    assert record["congress_ratifies"] == (rolls["congress"] >= record["congress_needs"])
    w = c.team_weights("japan", {"meti": 10})     # METI's own weights: 2, 1, 1, 1, 3
    if record["deal"]:
        expected = (w["visible"] * 18 + w["strategic"] * scores["strategic_value_japan"] - w["cost"] * scores["cost_to_japan"]
                    - w["domestic"] * scores["domestic_political_cost"]
                    + w["threat"] * (record["reaction_points"] - record["unanswered_penalty"]))
    else:
        expected = -w["threat"] * (G.rule("no_deal_threat") + penalties[["D05", "D12", "D20"]].sum())
    assert record["japan_score"] == pytest.approx(expected, abs=0.01)


def test_a_package_too_costly_at_home_never_passes_the_diet():
    everything = list(G.offers["option_id"])
    for seed in range(30):
        record = c.play_table({"offers": everything}, ENERGY_MOVE, seed)
        assert not record["diet_ratifies"] and not record["deal"]
        assert "whip" in record["japan_red_lines"]
        assert record["japan_score"] < 0


def test_all_tables_share_the_rounds_dice():
    entries = [{"table": "A", "japan": {"offers": CHEAP}, "us": ENERGY_MOVE},
               {"table": "B", "japan": {"offers": CHEAP}, "us": ENERGY_MOVE}]
    results = c.play_round(entries, 11)
    assert results.loc[0, "japan_score"] == results.loc[1, "japan_score"]
    assert list(results.columns[:1]) == ["table"] and set(c.RESULT_COLUMNS) <= set(results.columns)


# --- Not solved in advance: the distribution of winning packages --------------------------------------------

def test_no_package_wins_more_than_60_percent_by_default(default_plays):
    shares = c.win_shares(default_plays)
    assert shares["share"].iloc[0] <= 0.60
    assert shares["share"].sum() == pytest.approx(1.0)
    # ... and not only on average: in each block of 200 seeds too.
    for start in range(0, 1000, 200):
        block = c.win_shares(default_plays.iloc[start:start + 200])
        assert block["share"].iloc[0] <= 0.60, start


def test_the_councils_argument_changes_the_distribution(default_plays):
    default = c.win_shares(default_plays)
    whip_led = c.win_shares(c.simulate(japan_tokens={"whip": 10}, seeds=range(1000)))
    assert c.share_distance(default, whip_led) > 0.3
    assert whip_led["package"].iloc[0] != default["package"].iloc[0]


def test_the_us_sides_choices_change_the_distribution(default_plays):
    default = c.win_shares(default_plays)
    pentagon_led = c.win_shares(c.simulate(us_tokens={"pentagon": 10}, seeds=range(1000)))
    assert c.share_distance(default, pentagon_led) > 0.2
    defence_asks = c.win_shares(c.simulate(demands=["D05", "D11", "D23"], seeds=range(300)))
    energy_asks = c.win_shares(c.simulate(demands=["D12", "D13", "D15"], seeds=range(300)))
    assert c.share_distance(defence_asks, energy_asks) > 0.2


def test_the_most_frequent_winner_is_not_simply_the_best_on_average(default_plays):
    # The debrief's point: two different questions; the test pins that both are computed from the same plays.
    means = c.mean_scores(default_plays)
    assert len(means) == 2 ** len(G.offers)
    assert means["mean_score"].is_monotonic_decreasing


def test_simulation_is_deterministic():
    first, second = c.simulate(seeds=range(50)), c.simulate(seeds=range(50))
    pd.testing.assert_frame_equal(first.drop(columns="mean_score"), second.drop(columns="mean_score"))


# --- Solo mode ------------------------------------------------------------------------------------------

def test_solo_mode_is_deterministic_and_seeds_differ():
    first, second = c.solo_round(CHEAP, seed=3), c.solo_round(CHEAP, seed=3)
    assert first == second
    demand_sets = {c.solo_round(CHEAP, seed=s)["demands"] for s in range(20)}
    assert len(demand_sets) > 10


def test_seeded_us_side_draws_distinct_demands_from_the_list_by_its_priorities():
    allowed = set(G.demands["demand_id"])
    areas = G.demands.set_index("demand_id")["area"]
    for seed in range(40):
        asked = c.seeded_demands(seed)
        assert len(asked) == 3 == len(set(asked)) and set(asked) <= allowed
        assert set(areas[c.seeded_demands(seed, {"pentagon": 10})]) <= {"defense", "energy"}


# --- Briefs and tables ----------------------------------------------------------------------------------

def test_every_fact_in_a_brief_cites_a_source_that_exists():
    roles = load("council_roles")
    known = set(load("sources")["source_id"])
    assert (roles["side"] == "japan").sum() >= 4 and (roles["side"] == "us").sum() >= 3
    for role in roles.itertuples():
        cited = re.findall(r"\[([a-z0-9_]+)\]", role.knows)
        assert cited and set(cited) == set(role.source_ids.split(";")) and set(cited) <= known, role.role_id
        for text in (role.interests, role.red_line, role.knows, role.may_give):
            assert "$" not in text


def test_every_role_weighs_every_criterion_of_its_side():
    weights = load("council_role_weights")
    for side, criteria in [("japan", c.JAPAN_CRITERIA), ("us", [*c.US_CRITERIA, *(f"area_{a}" for a in c.AREAS)])]:
        for role in G.role_ids(side):
            assert set(weights.loc[weights["role_id"] == role, "criterion"]) == set(criteria), role


def test_demand_list_is_the_sourced_list():
    shown = c.demand_list()
    demands = load("bargaining_demands").set_index("demand_id")
    assert set(shown["demand_id"]) <= set(demands.index)
    assert (shown.set_index("demand_id")["source_id"] == demands.loc[shown["demand_id"], "source_id"]).all()
    assert "no offer answers it" in set(shown["answered_by"])


# --- The entry form -------------------------------------------------------------------------------------

def test_parse_ids():
    assert form.parse_ids(" d05, D11;d20 ") == ["D05", "D11", "D20"]
    assert form.parse_ids("Buy_US_Energy + invest_us_ai") == ["buy_us_energy", "invest_us_ai"]


def test_add_entry_messages():
    japan, us = c.check_tokens("japan", None), c.check_tokens("us", None)
    entries, text = form.add_entry([], "Table 1", "buy_us_energy", japan, "D12", us)
    assert text.startswith("Added Table 1") and len(entries) == 1
    for args, words in [(("Table 1", "buy_us_energy", japan, "D12", us), "duplicate team"),
                        (("Table 2", "free_lunch", japan, "D12", us), "unknown offer"),
                        (("Table 2", "buy_us_energy", {**japan, "mofa": 9}, "D12", us), "over budget"),
                        (("Table 2", "buy_us_energy", japan, "D05 D11 D12 D13", us), "over budget: 4 demands"),
                        (("Table 2", "buy_us_energy", japan, "", us), "no demand"),
                        (("", "buy_us_energy", japan, "D12", us), "table a name")]:
        same, text = form.add_entry(entries, *args)
        assert same == entries and text.startswith("Not added") and words in text, text
    entries, text = form.remove_entry(entries, "Table 1")
    assert entries == [] and text == "Removed Table 1."


def test_entry_form_widget_adds_and_plays():
    panel = form.entry_panel(seed=5)
    children = list(panel.children)
    texts = [w for w in children if type(w).__name__ == "Text"]
    buttons = [b for box in children if type(box).__name__ == "HBox" for b in box.children
               if type(b).__name__ == "Button"] + [w for w in children if type(w).__name__ == "Button"]
    message = [w for w in children if type(w).__name__ == "HTML"][-1]
    add, play = next(b for b in buttons if b.description == "Add table"), next(b for b in buttons if b.description == "Play the round")
    play.click()
    assert "no table entered" in message.value
    texts[1].value, texts[2].value = "buy_us_energy, invest_us_ai", "D12, D05"
    add.click()
    assert "Added Table 1" in message.value
    add.click()
    assert "duplicate team" in message.value
    play.click()
    assert "Round played with seed 5: 1 table(s)" in message.value


def test_explain_walks_from_demands_to_ratification():
    text = form.explain(c.play_table({"offers": CHEAP}, {"demands": ["D05", "D12"]}, 4))
    order = ["The US side asked", "Japan's council offered", "White House die", "The Diet", "Congress and industry",
             "Japan scores"]
    positions = [text.index(words) for words in order]
    assert positions == sorted(positions)


# --- The printed handouts -------------------------------------------------------------------------------

def test_handouts_are_built_self_contained_from_the_game_tables():
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
    import build_handouts

    pages = {p.stem: p.read_text(encoding="utf-8") for p in build_handouts.main()}
    assert {"rules", "demand_list", "role_cards_japan", "role_cards_us", "order_forms_japan", "order_forms_us",
            "score_sheet", "position_memo", "debrief_memo", "index"} == set(pages)
    for name, text in pages.items():
        assert "$" not in text and "<script" not in text and not re.search(r"(src|href)=['\"]https?:", text), name
        assert "@page" in text and "break-after: page" in text, name
    roles = load("council_roles")
    for side in ("japan", "us"):
        text = pages[f"role_cards_{side}"]
        assert text.count('class="page') == (roles["side"] == side).sum()
        for role in roles[roles["side"] == side].itertuples():
            assert html_escape(role.title) in text and html_escape(role.red_line) in text
    for demand in G.demands["demand_id"]:
        assert f"<b>{demand}</b>" in pages["demand_list"]
    assert pages["order_forms_japan"].count('class="page') == build_handouts.ROUNDS


def html_escape(text):
    import html

    return html.escape(text)


def test_dice_rolled_in_class_replace_the_seed():
    move = ({"offers": ["buy_us_weapons", "buy_us_energy", "invest_us_ai", "alaska_lng"]}, ENERGY_MOVE)   # P = 9
    low = c.play_table(*move, seed=1, rolls={"white_house": 6, "diet": 1, "congress": 6})
    high = c.play_table(*move, seed=1, rolls={"white_house": 6, "diet": 2, "congress": 6})
    assert low["diet_needs"] == 2 and not low["diet_ratifies"] and high["diet_ratifies"]
    assert high["roll_diet"] == 2 and high["reaction"] == "welcomes"
    for bad in ({"white_house": 7, "diet": 1, "congress": 1}, {"diet": 1}, {"white_house": 0, "diet": 1, "congress": 1}):
        with pytest.raises(c.MoveError, match="roll"):
            c.play_table(*move, seed=1, rolls=bad)


def test_entry_panel_uses_dice_rolled_in_class():
    panel = form.entry_panel(seed=5)
    children = list(panel.children)
    texts = [w for w in children if type(w).__name__ == "Text"]
    sliders = [w for w in children if type(w).__name__ == "IntSlider"]
    toggle = next(w for w in children if type(w).__name__ == "Checkbox")
    buttons = [b for box in children if type(box).__name__ == "HBox" for b in box.children
               if type(b).__name__ == "Button"] + [w for w in children if type(w).__name__ == "Button"]
    message = [w for w in children if type(w).__name__ == "HTML"][-1]
    texts[1].value, texts[2].value = "buy_us_energy", "D12"
    next(b for b in buttons if b.description == "Add table").click()
    toggle.value = True
    for slider, value in zip(sliders, (6, 3, 2)):
        slider.value = value
    next(b for b in buttons if b.description == "Play the round").click()
    assert "dice rolled in class (white_house 6, diet 3, congress 2)" in message.value


def test_dice_meaning_reads_the_rules():
    text = form.dice_meaning({"white_house": 1, "diet": 3, "congress": 1})
    assert "a big one threatens tariffs" in text
    assert f"domestic cost up to {int(G.rule('diet_budget')) + 2}" in text
    assert f"headline value of {int(G.rule('us_visible_minimum'))} or more" in text
    with pytest.raises(c.MoveError):
        form.dice_meaning({"white_house": 9, "diet": 1, "congress": 1})


def test_debrief_tables_are_ordered_by_share_then_name():
    from statusquo import council_debrief as debrief

    table = debrief.compare_settings()
    default = table.iloc[:, 0].to_numpy()
    assert (default[:-1] >= default[1:]).all()
    ties = table[table.iloc[:, 0] == 0].index
    assert list(ties) == sorted(ties)
    assert debrief.win_table()["share"].iloc[0] == pytest.approx(c.win_shares(debrief.plays())["share"].iloc[0])


def test_a_block_of_plays_scores_each_play_as_a_single_play_would():
    """simulate scores many plays at once; each play must come out as score_arrays scores it alone."""
    g = c.game()
    chosen, _ = c.package_matrix()
    japan, us = c.team_weights("japan", {"whip": 4, "mofa": 6}, g), c.team_weights("us", {"pentagon": 10}, g)
    seeds = range(40)
    asked = [c.seeded_demands(seed, g=g, weights=us) for seed in seeds]
    rolled = [c.dice(seed, g) for seed in seeds]
    block = c.score_plays(chosen, np.array([[g.demand_index[d] for d in a] for a in asked]),
                          {die: np.array([r[die] for r in rolled]) for die in rolled[0]}, japan, us, g)
    assert len({r["white_house"] for r in rolled}) > 1   # several faces, so the per-face step is exercised
    for play, (demands, rolls) in enumerate(zip(asked, rolled)):
        alone = c.score_arrays(chosen, demands, rolls, japan, us, g)
        for name, values in alone.items():
            assert np.array_equal(block[name][play], values), (play, name)
