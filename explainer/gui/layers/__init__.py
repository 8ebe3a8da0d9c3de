"""The layer families: how each layer kind is explained, forward and backward, with its texts.

One module per family (``activation``, ``pool``), or a small package when it would be too large for one
(``conv/``, ``dense/``: ``forward``, ``backward``, ``texts``). ``base`` holds what the families share and
``registry`` is the one place that maps a layer kind to its family.

Each family runs alone: ``python -m explainer.gui.layers.<family> [--backward]``.
"""
