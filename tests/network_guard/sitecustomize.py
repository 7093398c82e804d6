"""Python imports this at start-up when this folder is on PYTHONPATH: the test suite's processes run
with the network guard installed (see no_network.py)."""

import no_network

no_network.install()
