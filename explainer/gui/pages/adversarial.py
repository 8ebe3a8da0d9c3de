"""“What if: adversarial”: an FGSM step on your own digit (Goodfellow et al. 2015), and what it does.

An ε slider moves every pixel by ε in the direction that raises the loss of the digit's label
(``explainer.core.fgsm``). The page shows the perturbation, the perturbed digit and the probabilities before
and after; "Show in the network" pins the clean input's maps and puts the perturbed input in the overview
(compare mode), so you see where the maps changed. The measured accuracy table comes from the model's
metadata (``benchmarks/bench_fgsm.py``), and one SGD step on the perturbed digit is adversarial training
in miniature.

Run alone: ``python -m explainer.gui.pages.adversarial``.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QSlider, QWidget

from explainer.core import Sequential, fgsm
from explainer.core.passes import learn_step
from explainer.gui import theme
from explainer.gui.i18n import FollowsLanguage, shown_class_names, tr
from explainer.gui.kit.mapboard import MapBoard, Panel
from explainer.gui.kit.widgets import TitleLabel, button, label, page_column, side_by_side, translated
from explainer.gui.network.prediction import PredictionPair
from explainer.gui.pages.base import run_page, show_header
from explainer.gui.pages.learn import learning_rate_box

EPSILON_STEPS = 40
"""The slider's positions: ε from 0 to 0.40 in steps of 0.01."""


class AdversarialView(FollowsLanguage, QWidget):
    """The FGSM lesson (objectName "adversarial").

    Signals:
        sigModelProduced(model): one SGD step on the perturbed digit made a new model.
        sigShowInNetwork(clean, adversarial, label): pin the clean digit's maps, show the perturbed one.

    Shape:
        digits ``(H, W)`` float32 in [0, 1].
    """

    sigModelProduced = Signal(object)
    sigShowInNetwork = Signal(object, object, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("adversarial")
        self._model: Sequential | None = None
        self._x: np.ndarray | None = None
        self._label: int | None = None
        self.adversarial: np.ndarray | None = None
        self.title = TitleLabel("title")
        self.epsilon_text = QLabel()
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setObjectName("epsilon")
        self.slider.setRange(0, EPSILON_STEPS)
        self.slider.setValue(10)
        self.slider.setMinimumWidth(theme.px(160))
        self.slider.valueChanged.connect(self._attack)
        translated(self.slider, tip=lambda: tr("ε: how far each pixel may move (pixels lie between 0 and 1)"))
        self.show_button = translated(
            button("show_in_network", self._show_in_network),
            text=lambda: tr("Show in the network"),
            tip=lambda: tr(
                "Pin the clean input's maps and show the perturbed input: the overview shows the difference"
            ),
        )
        self.lr_text = translated(QLabel(), text=lambda: tr("Learning rate"))
        self.lr_box = learning_rate_box()
        self.learn_button = translated(
            button("learn_adversarial", self.learn_step),
            text=lambda: tr("Learn this perturbed input"),
            tip=lambda: tr(
                "One SGD step on the perturbed input with its true label: adversarial training in miniature"
            ),
        )
        top = side_by_side(
            self.title,
            self.epsilon_text,
            self.slider,
            self.show_button,
            self.lr_text,
            self.lr_box,
            self.learn_button,
        )
        self.status = label("status", wrap=True)
        self.maps = MapBoard(columns=3)
        self.probs = PredictionPair("probs_clean", "probs_adversarial")
        self.before, self.after = self.probs.before, self.probs.after
        self.table = label("accuracy_table", wrap=True, rich=True)
        self.why = translated(
            label("why", wrap=True),
            text=lambda: tr(
                "Why a network that is 99% right falls apart: each pixel moves by only ε, too little for you "
                "to see, but every one moves in the direction that raises the loss. The score changes by "
                "about ε times the sum of all 784 |∂L/∂x|, and these small pushes add up. Training never "
                "showed the network such inputs, so nothing taught it to resist them."
            ),
        )
        page_column(self, top, self.status, self.maps, self.probs, self.table, self.why)
        self.retranslate_ui()

    # ---- public API

    def epsilon(self) -> float:
        """The ε of the slider, in pixel units (pixels lie in [0, 1])."""
        return self.slider.value() / 100

    def set_epsilon(self, epsilon: float) -> None:
        """Move the slider to ``epsilon`` (rounded to 0.01)."""
        self.slider.setValue(round(float(epsilon) * 100))

    def set_model(self, model: Sequential | None) -> None:
        """Attack ``model``; the accuracy table is its metadata's."""
        self._model = model
        self._show_table()
        self._attack()

    def set_input(self, x: np.ndarray | None) -> None:
        """Attack digit ``x`` (None: nothing); the perturbed input this page sent to the network is ignored.

        Shape:
            x: ``(H, W)`` float32 in [0, 1].
        """
        if x is not None and self.adversarial is not None and np.array_equal(x, self.adversarial):
            return
        self._x = None if x is None else np.asarray(x, np.float32)
        self._attack()

    def set_label(self, label: int | None) -> None:
        """The digit's true class (None: the class the network predicts for the clean digit)."""
        self._label = label
        self._attack()

    def label(self) -> int | None:
        """The class the attack pushes away from, or None without a digit."""
        if self._model is None or self._x is None:
            return None
        if self._label is not None:
            return self._label
        return int(self._model.predict_proba(self._batch(self._x)).argmax())

    def learn_step(self) -> None:
        """One SGD step on the perturbed input against its true label: adversarial training in miniature."""
        label = self.label()
        if label is None or self.adversarial is None:
            return
        result = learn_step(self._model, self._batch(self.adversarial), label, self.lr_box.value())
        self._model = result.model
        self._attack()
        self.status.setText(
            self.status.text()
            + " "
            + tr("After one step on the perturbed input the network sees it again; try the slider.")
        )
        self.sigModelProduced.emit(result.model)

    # ---- work

    def _batch(self, x: np.ndarray) -> np.ndarray:
        return x.reshape(1, *self._model.input_shape)  # type: ignore[union-attr]

    def _attack(self) -> None:
        self.epsilon_text.setText(tr("ε = {e}").format(e=f"{self.epsilon():.2f}"))
        label = self.label()
        ready = label is not None
        self.show_button.setEnabled(ready)
        self.learn_button.setEnabled(ready)
        if not ready:
            self.adversarial = None
            self.maps.set_panels([])
            self.before.set_probs(None)
            self.after.set_probs(None)
            self.status.setText(
                tr("Draw or pick an input: this page then tries to fool the network with it.")
            )
            return
        model, clean = self._model, self._batch(self._x)  # type: ignore[arg-type]
        adversarial = fgsm(model, clean, [label], self.epsilon())
        self.adversarial = adversarial[0, 0]
        names = shown_class_names(model.class_names)
        probs_clean, probs_adv = model.predict_proba(clean)[0], model.predict_proba(adversarial)[0]
        self.before.set_probs(probs_clean, names)
        self.after.set_probs(probs_adv, names)
        change = (adversarial - clean)[0, 0]
        limit = max(self.epsilon(), 1e-6)
        self.maps.set_panels(
            [
                Panel(tr("your input"), self._x, (0.0, 1.0), theme.GREY_LUT, numbers=False),
                Panel(tr("perturbation ε · sign(∂L/∂x)"), change, (-limit, limit), numbers=False),
                Panel(tr("perturbed input"), self.adversarial, (0.0, 1.0), theme.GREY_LUT, numbers=False),
            ]
        )
        before, after = int(probs_clean.argmax()), int(probs_adv.argmax())
        text = tr("Label {y}: the network reads {a} before and {b} after the step.").format(
            y=names[label], a=names[before], b=names[after]
        )
        if after != before:
            text += " " + tr("The prediction flipped: “Show in the network” shows where the maps changed.")
        self.status.setText(text)

    def _show_in_network(self) -> None:
        label = self.label()
        if label is not None and self.adversarial is not None:
            self.sigShowInNetwork.emit(self._x, self.adversarial, label)

    def _show_table(self) -> None:
        table = {} if self._model is None else self._model.metadata.get("adversarial", {})
        rows = table.get("rows", []) if isinstance(table, dict) else []
        if not rows:
            self.table.setText(tr("No measured table for this model (benchmarks/bench_fgsm.py makes one)."))
            return
        head = "".join(f"<th>&nbsp;{row['epsilon']}&nbsp;</th>" for row in rows)
        fgsm_cells = "".join(f"<td>&nbsp;{100 * row['fgsm_accuracy']:.1f}%&nbsp;</td>" for row in rows)
        pgd_cells = "".join(f"<td>&nbsp;{100 * row['pgd_accuracy']:.1f}%&nbsp;</td>" for row in rows)
        clean = 100 * float(table.get("clean_accuracy", 0.0))
        self.table.setText(
            tr("Measured on the 10,000 test images (clean: {clean}):").format(clean=f"{clean:.2f}%")
            + f"<table><tr><th>ε</th>{head}</tr><tr><td>FGSM</td>{fgsm_cells}</tr>"
            + f"<tr><td>{tr('PGD, 10 steps (1,000 images)')}</td>{pgd_cells}</tr></table>"
        )

    def retranslate_ui(self) -> None:
        """Set the user-visible texts in the current language."""
        show_header(self, self.title)
        self.probs.set_captions(tr("Probabilities, your input"), tr("perturbed input"))
        self._show_table()
        self._attack()


if __name__ == "__main__":
    run_page(AdversarialView)
