"""The drawing kit: the step player, the cached canvas and cell-grid painting, the map board, colour bars,
the GIF writer, and the helpers that open a view alone on a sample digit (``run_alone``, ``preview``).
"""
