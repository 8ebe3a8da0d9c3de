"""The app's views: passive widgets that show a Trace (overview, prediction, map detail, explanations).

The view modules run alone for development: ``python -m explainer.gui.views.overview`` and so on.
"""
