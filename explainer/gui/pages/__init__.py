"""The pages of the main window's tabs beside the network: step-through, attribution, learn, ...

Each module with a view runs alone: ``python -m explainer.gui.pages.<module>``.
"""
