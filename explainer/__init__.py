"""MNIST CNN Explainer: a NumPy CNN engine and a desktop app that shows how it reads a digit.

Scripting entry points (importing this package never imports Qt)::

    import explainer
    model = explainer.load_model()                  # the bundled, trained network
    x = explainer.to_mnist(explainer.load_image("digit.png"))
    probs = model.predict_proba(x[None, None])     # (1, 10)
    trace = model.trace(x[None, None], target=[7])  # every layer's maps and gradients
    explainer.unusual_score(x[None])                # (1,): above ~3.7 it looks like no digit
    clothes = explainer.load_model("assets/fashion_mnist.npz")  # Fashion-MNIST; see explainer.data
    vae = explainer.load_vae()                      # the bundled variational autoencoder (2-D codes)
    mu, logvar = vae.encode(x[None, None])          # (1, 2) each; vae.decode(mu) draws the code back
"""

from __future__ import annotations

import os
from importlib import import_module
from typing import Any

from explainer.errors import BadInputError

# The engine splits big batches between its own threads (explainer.core.ops.WORKERS). BLAS threads on top
# busy-wait and fight them and the GUI thread: a batch-64 training step took a median 83 ms with one
# OpenBLAS thread and 280-755 ms with two on this 2-core machine. Only takes effect when NumPy is imported
# after this package (every entry point: main.py, python -m explainer, python -m explainer.train).
for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

__all__ = [
    "BadInputError",
    "bundled_vaes",
    "load_image",
    "load_model",
    "load_vae",
    "save_model",
    "to_mnist",
    "unusual_score",
]

_LAZY = {
    "load_model": "explainer.modelio",
    "save_model": "explainer.modelio",
    "load_vae": "explainer.modelio",
    "bundled_vaes": "explainer.modelio",
    "to_mnist": "explainer.data.preprocess",
    "load_image": "explainer.imageio",
    "unusual_score": "explainer.unusual",
}


def __getattr__(name: str) -> Any:
    # Lazy so that `import explainer` stays cheap and Qt-free; load_image pulls in QtGui only when called.
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'explainer' has no attribute {name!r}")
