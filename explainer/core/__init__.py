"""The NumPy CNN engine: layers, Sequential with ``trace``, losses, optimizers and teaching step generators.

Pure NumPy and the standard library; importing it never imports Qt.
"""

from explainer.core.adversarial import attack_accuracy, fgsm, loss_input_gradient, pgd
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
from explainer.core.losses import mse_loss, softmax, softmax_cross_entropy
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
    "attack_accuracy",
    "conv_input_grad_steps",
    "conv_steps",
    "conv_weight_grad_steps",
    "fgsm",
    "glorot_uniform",
    "he_normal",
    "loss_input_gradient",
    "maxpool_grad_steps",
    "mse_loss",
    "pgd",
    "pool_steps",
    "reference_net",
    "softmax",
    "softmax_cross_entropy",
]
