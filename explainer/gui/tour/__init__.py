"""Learn mode: a guided tour through one whole training step on the student's own digit (objectName "tour").

The tour walks from the drawing to one SGD step in twelve stops (``stops``), then ends with a chapter of
three on the variational autoencoder of the Generative tab (``vae_stops``). At every stop the relevant
part of the main window is lit by a spotlight, the view that explains it opens beside the window, and a
short narration quotes the numbers of the current digit (``controller``); the narration, Back/Next and
the progress sit in a dock under the window (``panel``). The stop reached is remembered in QSettings, so
leaving and coming back resumes there.

The tour is a window controller: ``explainer.gui.app`` installs it with ``install_tour(window)``, and it
uses the window only through the window's API for controllers (see ``MainWindow``); the window does not
import the tour. Run alone: ``python -m explainer.gui.tour``.
"""

from __future__ import annotations

from explainer.gui.tour.controller import STOP_KEY, TourController
from explainer.gui.tour.panel import TourDock, TourPanel, install_tour, start
from explainer.gui.tour.stops import TOUR_LR, Stop, TourProblem, build_stops

__all__ = [
    "STOP_KEY",
    "TOUR_LR",
    "Stop",
    "TourController",
    "TourDock",
    "TourPanel",
    "TourProblem",
    "build_stops",
    "install_tour",
    "start",
]
