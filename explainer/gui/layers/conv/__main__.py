"""``python -m explainer.gui.layers.conv [--backward]``: the first convolution's view on a sample digit."""

from explainer.gui.layers.base import run_family
from explainer.gui.layers.conv import CONV

run_family(CONV)
