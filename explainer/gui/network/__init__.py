"""The network picture: the overview of every layer's maps, the class bars, one map shown large.

Each module with a view runs alone: ``python -m explainer.gui.network.<module>``.
"""
