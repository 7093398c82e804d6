"""Write data/datapackage.json from the schema definitions in tools/datapackage/.

Why a script: the JSON is long and repetitive; keeping the schemas as Python (one module per area, the
allowed values from statusquo.vocabulary) makes each table's fields easy to read and review, and the test
suite checks that the stored JSON matches this script.
Run:  python tools/build_datapackage.py
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "notebooks"))   # statusquo.vocabulary, the allowed values the models share
sys.path.insert(0, str(ROOT / "tools"))

from datapackage import RESOURCES, datapackage, render  # noqa: E402

__all__ = ["RESOURCES", "datapackage", "render"]

if __name__ == "__main__":
    (ROOT / "data" / "datapackage.json").write_text(render(), encoding="utf-8")
    print("wrote data/datapackage.json")
