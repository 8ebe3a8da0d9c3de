"""Translation catalogues (``explainer_<code>.ts`` sources, compiled ``.qm``) and the tool that updates them.

The strings are marked with ``explainer.gui.i18n.tr``; ``python -m explainer.i18n.extract`` collects them.
This package imports no Qt.
"""
