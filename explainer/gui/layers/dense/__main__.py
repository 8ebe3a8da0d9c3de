"""``python -m explainer.gui.layers.dense [--backward]``: the dense view on a sample digit."""

from explainer.gui.layers.base import run_family
from explainer.gui.layers.dense import DENSE

run_family(DENSE)
