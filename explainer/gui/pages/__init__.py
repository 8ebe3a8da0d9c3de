"""The pages of the main window's tabs beside the network: step-through, attribution, learn, ...

Every page is declared here, in :data:`PAGES` (see :mod:`explainer.gui.pages.base`); its module is imported
only when its tab is first shown. Each page runs alone: ``python -m explainer.gui.pages.<module>``.
"""

from __future__ import annotations

from explainer.gui.i18n import tr
from explainer.gui.pages.base import (
    PageSpec,
    sync_adversarial,
    sync_architecture,
    sync_attribution,
    sync_data_source,
    sync_input_and_data,
    sync_learn,
    sync_model_and_data,
    sync_playground,
    sync_problem_view,
    sync_side_by_side,
    sync_trace_and_label,
)

PAGES = (
    PageSpec(
        "stepper",
        "explainer.gui.pages.stepper",
        "StepperView",
        lambda: tr("Step through"),
        lambda: tr("One training step on your input, stage by stage: forward, loss, backward, update"),
        "learn",
        "Alt+2",
        sync_problem_view,
        heading=lambda: tr("One training step, stage by stage"),
    ),
    PageSpec(
        "attribution",
        "explainer.gui.pages.attribution",
        "AttributionView",
        lambda: tr("Attribution"),
        lambda: tr("Which pixels of your input the score depends on: gradients, SmoothGrad, IG, Grad-CAM"),
        "learn",
        "Alt+3",
        sync_attribution,
        sync_data_source,
        heading=lambda: tr("Which pixels matter?"),
    ),
    PageSpec(
        "learn",
        "explainer.gui.pages.learn",
        "LearnView",
        lambda: tr("Learn this example"),
        lambda: tr("Label your input, take one SGD step and see what changed; Undo puts the weights back"),
        "learn",
        "Alt+4",
        sync_learn,
        heading=lambda: tr("Learn this example"),
    ),
    PageSpec(
        "gradcheck",
        "explainer.gui.pages.gradcheck",
        "GradCheckView",
        lambda: tr("Gradient check"),
        lambda: tr("Compare back-propagation with central differences for pixels and weights you pick"),
        "learn",
        "Alt+5",
        sync_problem_view,
        heading=lambda: tr("Gradient check: backprop vs. central differences"),
    ),
    PageSpec(
        "playground",
        "explainer.gui.pages.playground",
        "Playground",
        lambda: tr("Playground"),
        lambda: tr("Try input size, kernel size, padding and stride, and see the output size worked out"),
        "learn",
        "Alt+6",
        sync_playground,
    ),
    PageSpec(
        "training",
        "explainer.gui.pages.training",
        "TrainingView",
        lambda: tr("Train"),
        lambda: tr("Train the network on the data set in use and watch the loss fall and the filters form"),
        "model",
        "Alt+7",
        sync_model_and_data,
        heading=lambda: tr("Train the network"),
    ),
    PageSpec(
        "arch_editor",
        "explainer.gui.pages.design",
        "ArchitectureEditor",
        lambda: tr("Design"),
        lambda: tr("Design your own network: blocks, channels, kernels, pooling, dense layers"),
        "model",
        "Alt+8",
        sync_architecture,
        locked_while_training=True,
        heading=lambda: tr("Design a network"),
        intro=lambda: tr(
            "Choose the blocks of convolutions, the pooling and the dense layers. The table shows what "
            "each layer outputs and how many weights it learns, before anything is built."
        ),
    ),
    PageSpec(
        "evaluation",
        "explainer.gui.pages.testset",
        "EvaluationView",
        lambda: tr("Test set"),
        lambda: tr("Accuracy on the data set's test images, the confusion matrix and the mistakes"),
        "model",
        "Alt+9",
        sync_model_and_data,
        heading=lambda: tr("Test the network"),
    ),
    PageSpec(
        "generative",
        "explainer.gui.pages.generative",
        "GenerativeView",
        lambda: tr("Generative"),
        lambda: tr(
            "A variational autoencoder on your drawing: its latent map, the reparameterization, the loss "
            "terms, morphing and training"
        ),
        "learn",
        "Alt+0",
        sync_input_and_data,
        live=True,
    ),
    PageSpec(
        "adversarial",
        "explainer.gui.pages.adversarial",
        "AdversarialView",
        lambda: tr("What if: adversarial"),
        lambda: tr("An FGSM step on your input: invisible changes that fool the network, and why"),
        "lessons",
        "Alt+Shift+1",
        sync_adversarial,
        heading=lambda: tr("What if: adversarial"),
    ),
    PageSpec(
        "filters",
        "explainer.gui.pages.filters",
        "FiltersView",
        lambda: tr("Filters"),
        lambda: tr(
            "What each filter of every conv layer looks for: its top test images and a synthesised input"
        ),
        "lessons",
        "Alt+Shift+2",
        sync_model_and_data,
        heading=lambda: tr("What each filter looks for"),
        intro=lambda: tr(
            "Pick a conv layer and a channel (one filter). The test images that excite it most show "
            "what it responds to in real data; the synthesised image shows what it responds to when "
            "nothing else is there."
        ),
    ),
    PageSpec(
        "conv1d",
        "explainer.gui.pages.conv1d",
        "Conv1DView",
        lambda: tr("1-D convolution"),
        lambda: tr("A kernel sliding along a signal: narrow, wide, equal width; convolution or correlation"),
        "lessons",
        "Alt+Shift+3",
        sync_playground,
    ),
    PageSpec(
        "activations",
        "explainer.gui.pages.activations",
        "ActivationsView",
        lambda: tr("Activations and losses"),
        lambda: tr(
            "Sigmoid, tanh, ReLU, leaky ReLU, softmax and eight losses, with their gradients on your input"
        ),
        "lessons",
        "Alt+Shift+4",
        sync_trace_and_label,
        heading=lambda: tr("Activations and losses"),
        intro=lambda: tr(
            "Seed 004's table of activation functions and its losses, each with its derivative, and "
            "where your input's numbers fall on them."
        ),
    ),
    PageSpec(
        "descent",
        "explainer.gui.pages.descent",
        "DescentView",
        lambda: tr("Gradient descent"),
        lambda: tr("Full batch, SGD and mini-batch descent raced from the same initial weights"),
        "lessons",
        "Alt+Shift+5",
        sync_data_source,
        heading=lambda: tr("Gradient descent: full batch, stochastic and mini-batch"),
        intro=lambda: tr(
            "Full-batch gradient descent averages the gradient over every example before one update; "
            "SGD updates after each single example; mini-batch descent after each b examples (seed "
            "003: b is usually about 10). All three train copies of one small CNN (conv 4@3×3, ReLU, "
            "max-pool, dense) from the same initial weights, on the same images, at the same learning "
            "rate."
        ),
    ),
    PageSpec(
        "receptive",
        "explainer.gui.pages.receptive",
        "ReceptiveFieldView",
        lambda: tr("Receptive fields"),
        lambda: tr("How many outputs each pixel feeds, and which pixels one unit of any layer sees"),
        "lessons",
        "Alt+Shift+6",
        sync_problem_view,
        heading=lambda: tr("Receptive fields"),
        intro=lambda: tr(
            "A pixel near the border is covered by fewer positions of the kernel than one in the middle, "
            "so without padding it feeds fewer outputs (seed 000, Fig. 5). Below, click a unit of any "
            "layer: the pixels it sees are outlined, and its effective weight shows how much each one "
            "moves it."
        ),
    ),
    PageSpec(
        "side_by_side",
        "explainer.gui.pages.sidebyside",
        "SideBySideView",
        lambda: tr("Side by side"),
        lambda: tr("The first layer of the digits network and of the clothes network, side by side"),
        "lessons",
        "Alt+Shift+7",
        sync_side_by_side,
        heading=lambda: tr("Side by side: digits and clothes"),
        intro=lambda: tr(
            "The same architecture, trained once on handwritten digits and once on photos of clothes. "
            "Look at the kernels first: with only 3×3 pixels each, the first layer of both networks "
            "learns small edge and ink detectors, and most pairs look alike. Then look at the maps: on "
            "a digit they light up along the thin strokes; on a piece of clothing along its outline, "
            "and a kernel whose weights add up to far from zero also over its filled areas."
        ),
    ),
    PageSpec(
        "debias",
        "explainer.gui.pages.debias",
        "DebiasView",
        lambda: tr("Debiasing (DB-VAE)"),
        lambda: tr(
            "Which training examples are rare in the VAE's latent space, and how often DB-VAE draws them"
        ),
        "lessons",
        "Alt+Shift+8",
        sync_data_source,
    ),
)
"""Every page in tab order: the Learn menu's (they explain the current input), the Model menu's (``Alt+2`` to
``Alt+9`` in tab order), the Generative tab (``Alt+0``, in the Learn menu: it follows the drawing, with
a model of its own, the VAE), then the Lessons menu's, which share the one Lessons tab (``Alt+Shift+N``)."""
