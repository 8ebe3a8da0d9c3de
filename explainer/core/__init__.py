"""The NumPy CNN engine: layers, Sequential with ``trace``, losses, optimizers and teaching step generators.

Pure NumPy and the standard library; importing it never imports Qt.
"""

from explainer.core.adversarial import attack_accuracy, fgsm, loss_input_gradient, pgd
from explainer.core.conv1d import Conv1DStep, conv1d_steps, convolve1d, correlate1d
from explainer.core.generative import ConvTranspose2D, Reshape
from explainer.core.init import glorot_uniform, he_normal
from explainer.core.layers import (
    AvgPool2D,
    BatchNorm2D,
    Conv2D,
    Dense,
    Dropout,
    Flatten,
    GlobalAvgPool2D,
    Layer,
    LeakyReLU,
    MaxPool2D,
    ReLU,
    Sigmoid,
    Tanh,
)
from explainer.core.losses import (
    PREDICTION_LOSSES,
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
from explainer.core.trace import LayerRecord, Trace, writable
from explainer.core.vae import VAE, VAETrace, vae_net

__all__ = [
    "PREDICTION_LOSSES",
    "SGD",
    "VAE",
    "Adam",
    "AvgPool2D",
    "BatchNorm2D",
    "Conv1DStep",
    "Conv2D",
    "ConvTranspose2D",
    "Dense",
    "Dropout",
    "Flatten",
    "GlobalAvgPool2D",
    "Layer",
    "LayerRecord",
    "LeakyReLU",
    "MaxPool2D",
    "Optimizer",
    "ReLU",
    "Reshape",
    "Sequential",
    "Sigmoid",
    "Tanh",
    "Trace",
    "VAETrace",
    "attack_accuracy",
    "binary_cross_entropy",
    "conv1d_steps",
    "conv_input_grad_steps",
    "conv_steps",
    "conv_weight_grad_steps",
    "convolve1d",
    "correlate1d",
    "fgsm",
    "glorot_uniform",
    "he_normal",
    "l1_loss",
    "l2_loss",
    "loss_input_gradient",
    "mae_loss",
    "mape_loss",
    "maxpool_grad_steps",
    "mse_loss",
    "msle_loss",
    "output_losses",
    "pgd",
    "pool_steps",
    "reference_net",
    "softmax",
    "softmax_backward",
    "softmax_cross_entropy",
    "vae_net",
    "writable",
]
