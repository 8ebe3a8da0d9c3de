"""``python -m explainer`` opens the app."""

from explainer.gui.app import main

if __name__ == "__main__":
    raise SystemExit(main())
