"""Open the MNIST CNN Explainer app: ``python main.py [--model PATH] [--data DIR]``."""

from explainer.gui.app import main

if __name__ == "__main__":
    raise SystemExit(main())
