"""The NumPy CNN engine: layers, Sequential with ``trace``, losses, optimizers and teaching step generators.

Pure NumPy and the standard library; importing it never imports Qt.
"""

from explainer.core.init import glorot_uniform, he_normal
from explainer.core.layers import (
    AvgPool2D,
    Conv2D,
    Dense,
    Dropout,
    Flatten,
    Layer,
    LeakyReLU,
    MaxPool2D,
    ReLU,
    Sigmoid,
    Tanh,
)
from explainer.core.losses import (
    binary_cross_entropy,
    l1_loss,
    l2_loss,
    mae_loss,
    mape_loss,
    mse_loss,
    msle_loss,
    output_losses,
    softmax,
    softmax_backward,
    softmax_cross_entropy,
)
from explainer.core.network import Sequential, reference_net
from explainer.core.optim import SGD, Adam, Optimizer
from explainer.core.steps import (
    conv_input_grad_steps,
    conv_steps,
    conv_weight_grad_steps,
    maxpool_grad_steps,
    pool_steps,
)
from explainer.core.trace import LayerRecord, Trace

__all__ = [
    "SGD",
    "Adam",
    "AvgPool2D",
    "Conv2D",
    "Dense",
    "Dropout",
    "Flatten",
    "Layer",
    "LayerRecord",
    "LeakyReLU",
    "MaxPool2D",
    "Optimizer",
    "ReLU",
    "Sequential",
    "Sigmoid",
    "Tanh",
    "Trace",
    "binary_cross_entropy",
    "conv_input_grad_steps",
    "conv_steps",
    "conv_weight_grad_steps",
    "glorot_uniform",
    "he_normal",
    "l1_loss",
    "l2_loss",
    "mae_loss",
    "mape_loss",
    "maxpool_grad_steps",
    "mse_loss",
    "msle_loss",
    "output_losses",
    "pool_steps",
    "reference_net",
    "softmax",
    "softmax_backward",
    "softmax_cross_entropy",
]
