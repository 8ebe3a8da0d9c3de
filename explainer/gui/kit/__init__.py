"""The drawing kit: the step player and cell-grid painting, colour bars, the GIF writer.

Each module with a view runs alone: ``python -m explainer.gui.kit.<module>``.
"""
