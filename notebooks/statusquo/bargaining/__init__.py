"""What can Japan offer, and what does it get for it? The bargaining models of notebooks 03 and 04.

Modules (each a few small pure functions over DataFrames and numbers; students read them):
    common        score names, input checks, the parameter table
    offers        notebook 03: dominance and the frontier of single offers; packages under a budget
    nash          notebook 04: the Nash split with disagreement points in yen, offers sized in yen
    meetings      notebook 04: more time with Trump, rapport against the risk of new demands (P9)
    twolevel      notebook 04: Putnam's two-level game, with a domestic level on both sides
    figures, figures_theory   the charts and their alt text, built from the computed values
    panels        panel (a) packages, panel (b) meeting risk: result functions plus widget shells
    answers       the expected answers of the exercises of notebooks 03 and 04
The strategy-council game of notebook 05 lives in statusquo.council.

Everything is re-exported, so `bargaining.all_packages(...)` works as before.
"""

from . import answers  # noqa: F401  (registers the exercises of notebooks 03 and 04)
from .common import (  # noqa: F401
                     MAX_HOURS,
                     MAX_SCORE,
                     SCORE_LABELS,
                     SCORES,
                     US_DOMESTIC,
                     WEIGHTS,
                     check_budget,
                     check_hours,
                     check_rate,
                     check_scores,
                     check_weights,
                     default_weights,
                     parameter,
                     plain_scores,
)
from .figures import (  # noqa: F401
                     TEXT,
                     alt_best_by_budget,
                     alt_fms_budget,
                     alt_option_frontier,
                     alt_package_map,
                     draw_best_by_budget,
                     draw_fms_budget,
                     draw_option_frontier,
                     draw_package_map,
                     draw_package_panel,
)
from .figures_theory import (  # noqa: F401
                     alt_money_packages,
                     alt_nash_picture,
                     alt_risk_curve,
                     alt_security_sweep,
                     alt_win_sets,
                     draw_money_packages,
                     draw_nash_picture,
                     draw_risk_curve,
                     draw_risk_panel,
                     draw_security_sweep,
                     draw_win_sets,
)
from .meetings import balancing_hours, net_meeting_value, prob_new_demand, rapport_benefit, risk_curve  # noqa: F401
from .nash import (  # noqa: F401
                     SECURITY_CASES,
                     SHORT_LABELS,
                     concession_curve,
                     japan_no_deal_loss,
                     money_packages,
                     nash_concession,
                     nash_product,
                     no_deal_inputs,
                     offer_money_sizes,
                     packages_in_range,
                     security_costs,
                     split_by_security_cost,
                     trade_at_risk,
                     us_no_deal_loss,
)
from .offers import (  # noqa: F401
                     all_packages,
                     best_by_budget,
                     best_by_domestic_cost,
                     best_package,
                     option_frontier,
                     package_frontier,
                     package_labels,
                     pareto_frontier,
                     why_in_the_package,
)
from .panels import control_value, package_panel, package_panel_result, risk_panel, risk_panel_result  # noqa: F401
from .twolevel import win_set_by_budget, win_sets  # noqa: F401
