"""One module per layer family (conv, activation, pool, dense): how each layer kind is explained.

Each module with a view runs alone: ``python -m explainer.gui.layers.<module>``.
"""
