"""The pages of the main window's tabs beside the network: step-through, attribution, learn, ...

Every page is declared here, in :data:`PAGES` (see :mod:`explainer.gui.pages.base`); its module is imported
only when its tab is first shown. Each page runs alone: ``python -m explainer.gui.pages.<module>``.
"""

from __future__ import annotations

from explainer.gui.i18n import tr
from explainer.gui.pages.base import (
    PageSpec,
    sync_architecture,
    sync_attribution,
    sync_learn,
    sync_model_and_data,
    sync_playground,
    sync_problem_view,
)

PAGES = (
    PageSpec(
        "stepper",
        "explainer.gui.pages.stepper",
        "StepperView",
        lambda: tr("Step through"),
        lambda: tr("One training step on your digit, stage by stage: forward, loss, backward, update"),
        "learn",
        "Alt+2",
        sync_problem_view,
    ),
    PageSpec(
        "attribution",
        "explainer.gui.pages.attribution",
        "AttributionView",
        lambda: tr("Attribution"),
        lambda: tr("Which pixels of your digit the score depends on: gradients, SmoothGrad, IG, Grad-CAM"),
        "learn",
        "Alt+3",
        sync_attribution,
    ),
    PageSpec(
        "learn",
        "explainer.gui.pages.learn",
        "LearnView",
        lambda: tr("Learn this digit"),
        lambda: tr("Label your digit, take one SGD step and see what changed; Undo puts the weights back"),
        "learn",
        "Alt+4",
        sync_learn,
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
        lambda: tr("Train the network on MNIST and watch the loss fall and the filters form"),
        "model",
        "Alt+7",
        sync_model_and_data,
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
    ),
    PageSpec(
        "evaluation",
        "explainer.gui.pages.testset",
        "EvaluationView",
        lambda: tr("Test set"),
        lambda: tr("Accuracy on the 10,000 MNIST test digits, the confusion matrix and the mistakes"),
        "model",
        "Alt+9",
        sync_model_and_data,
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
    ),
)
"""Every page in tab order: the Learn menu's (they explain the current digit), the Model menu's, then the
Lessons menu's (after the others, so Alt+2 ... Alt+9 stay the first tabs)."""
