"""The interactive panels' update paths, as the benchmark calls them: compute and redraw.

Each case is (name, update function, list of keyword-argument dicts, one per call). Inputs change on
every call, as they do when a student drags a slider. Data are loaded once, outside the timed calls,
exactly as the notebooks do before building a panel.
"""

from __future__ import annotations

import matplotlib.pyplot as plt

from statusquo import alliance, load, trade


def _redraw(draw):
    """Draw on a fresh figure and close it: what a panel does on each change."""
    fig, ax = plt.subplots()
    try:
        return draw(ax)
    finally:
        plt.close(fig)


def alliance_case(calls: int):
    allies = load("alliance_allies")

    def update(troops, spending, exports):
        return _redraw(lambda ax: alliance.ranking_panel(allies, troops, spending, exports, ax=ax))

    inputs = [{"troops": 1 + i % 5, "spending": 1 + (i * 2) % 5, "exports": 1 + (i * 3) % 5} for i in range(calls)]
    return "01 alliance weights", update, inputs


def trade_case(calls: int):
    exports = trade.export_base(load("trade_japan_2024"))
    gdp = trade.used_value(load("trade_japan_2024"), "nominal_gdp")

    def update(autos, pass_through, elasticity):
        rates = {group: 0.0 for group in trade.PRODUCT_GROUPS} | {"autos": autos}
        table, _message = trade.panel_result(exports, rates, pass_through, elasticity, gdp)
        return _redraw(lambda ax: trade.draw_loss_bars(ax, table))

    inputs = [{"autos": 5.0 * (i % 6), "pass_through": 0.5 + 0.05 * (i % 10), "elasticity": 0.8 + 0.1 * (i % 12)}
              for i in range(calls)]
    return "02 tariff loss", update, inputs


def cases(calls: int = 20):
    return [alliance_case(calls), trade_case(calls)]
