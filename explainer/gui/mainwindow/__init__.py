"""The main window: draw a digit on the left, watch every layer of the network react on the right.

The right side is a row of tabs. "Network" holds the live overview; clicking a map replaces it with the
explanation of that layer (forward, or backward in Backward mode) until "Back to the overview". The other
tabs (step-through, attribution, learn this digit, gradient check, playground, training, architecture,
test set) are the declared pages (``explainer.gui.pages``), built on first show and following the state
only while on screen (``explainer.gui.workspace``). Data flows one way: canvas → ``AppState``
(to_mnist → model.trace(x, target)) → views.

``window`` holds ``MainWindow``; its actions and menus are in ``actions``, zoom, presenting and screen
fitting in ``screen``, the layer explanation in ``detail``, model files in ``modelfiles``.
"""

from __future__ import annotations

from explainer.gui.mainwindow.window import MainWindow

__all__ = ["MainWindow"]
