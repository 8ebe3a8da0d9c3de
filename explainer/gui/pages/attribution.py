"""Attribution side by side: which pixels of the drawn digit a class score depends on.

Six maps of the same digit, each computed by :mod:`explainer.core.attribution` (no maths here):
the vanilla gradient, SmoothGrad (σ and N sliders), Integrated Gradients from a black image (with the check
that the attributions add up to f(x) − f(black)), Grad-CAM at a chosen conv layer, the contrast
"class A minus class B", and dL/dx of the loss against the true label. All explain the class **logit**
f = z_A, are drawn over the digit on a diverging map with symmetric levels (red: more ink here raises the
score, blue: lowers it).

A second tab, :class:`explainer.gui.pages.sanity.SanityPanel`, checks the maps against random weights
(Adebayo et al., 2018) with the same settings (:meth:`AttributionView.map_settings`).

Run alone: ``python -m explainer.gui.pages.attribution``.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QSlider,
    QTabWidget,
    QWidget,
)

from explainer.core import attribution, sanity
from explainer.core.network import Sequential
from explainer.gui import theme
from explainer.gui.i18n import FollowsLanguage, shown_class_names, tr
from explainer.gui.kit.mapboard import MapBoard, Panel, fmt
from explainer.gui.kit.widgets import (
    TitleLabel,
    check_box,
    choice_box,
    column,
    label,
    page_column,
    set_items,
    side_by_side,
    spin_box,
    translated,
)
from explainer.gui.layers import registry
from explainer.gui.pages.base import run_page, show_header
from explainer.gui.pages.digit import DigitPage
from explainer.gui.pages.sanity import SanityPanel

METHODS = ("vanilla", "smoothgrad", "ig", "gradcam", "contrast", "loss")
"""The maps, in the order they are shown."""

SIGMA_STEPS = 100
"""The σ slider runs over 0 .. SIGMA_MAX in this many steps."""

SIGMA_MAX = 0.5
"""Largest SmoothGrad noise, in pixel units (pixels are in [0, 1])."""

DEFAULT_SIGMA = 0.15
DEFAULT_SAMPLES = 25
DEFAULT_IG_STEPS = 64

SWING_NOTE_RATIO = 4.0
"""Explain the completeness miss when the score travels this many times its net change along the IG path."""

RECOMPUTE_DELAY_MS = 120
"""Slider drags recompute once they pause this long, so a drag does not queue dozens of passes."""


def gradcam_layers(model: Sequential) -> list[tuple[str, int]]:
    """(label, layer index) for Grad-CAM: every conv layer, read after its activation when one follows."""
    out = []
    for i, layer in enumerate(model.layers):
        if layer.kind not in registry.kinds("conv"):
            continue
        following = model.layers[i + 1] if i + 1 < len(model.layers) else None
        if following is not None and following.kind in registry.kinds("activation"):
            out.append((f"{layer.name} \u2192 {following.name}", i + 1))
        else:
            out.append((layer.name or str(i), i))
    return out


def cam_share_without_ink(cam: np.ndarray, x: np.ndarray, level: float = 0.05) -> float:
    """The share of a Grad-CAM map on cells whose own patch of the input holds no ink (0 for an empty map).

    Such cells light up because their maps are active there anyway: ReLU(bias) over blank paper, or a
    stroke inside the cell's receptive field but outside the cell itself.

    Shape:
        cam: ``(h, w)`` at the layer's resolution, >= 0; x: ``(H, W)`` with ``H % h == W % w == 0``.
    """
    h, w = cam.shape
    height, width = x.shape
    if height % h or width % w or cam.sum() <= 0:
        return 0.0
    ink = (x > level).reshape(h, height // h, w, width // w).any(axis=(1, 3))
    return float(cam[~ink].sum() / cam.sum())


def _note() -> str:
    """The note under the maps: how to read them, and why Grad-CAM can light up empty paper."""
    return (
        tr(
            "Red: more ink there raises the score; blue: lowers it; white: no effect. Integrated "
            "Gradients add up to the change of the score from a black image to your input "
            "(completeness; the line under the map shows how close the sum comes). Grad-CAM "
            "keeps only positive evidence and is as coarse as its layer."
        )
        + " "
        + tr(
            "Why Grad-CAM can light up empty paper: it adds up the chosen layer's maps, each weighted by "
            "its mean gradient, and a map can be active where there is no ink. Over blank paper a first-"
            "layer map outputs ReLU(bias); a deeper map sees a larger patch (14×14 pixels at relu4), so "
            "it reacts to a stroke next to it. A lit background says these maps are active there and "
            "help the class (for a 7, the empty space under its bar), not that ink there would help."
        )
    )


class AttributionView(FollowsLanguage, DigitPage):
    """Attribution maps of one digit side by side (objectName "attribution").

    Signals:
        sigComputed(): the maps were recomputed (after an input, class or setting change).

    Shape:
        the digit ``x`` is ``(H, W)`` raw pixels in [0, 1]; every map is ``(H, W)``.
    """

    sigComputed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attribution")
        self.results: dict[str, np.ndarray] = {}
        self.ig: attribution.IntegratedGradients | None = None
        self.loss: float | None = None
        self._dirty: set[str] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RECOMPUTE_DELAY_MS)
        self._timer.timeout.connect(self.compute)

        self.title = TitleLabel("title")
        self.class_text = translated(QLabel(), text=lambda: tr("Explain class"))
        self.class_box = translated(
            self._combo("explain_class", METHODS),
            tip=lambda: tr("The class whose score (logit) is explained; starts at the prediction"),
        )
        self.label_text = translated(QLabel(), text=lambda: tr("True label"))
        self.label_box = translated(
            self._combo("true_label", ("loss",)),
            tip=lambda: tr("The label of the loss L and of the map −dL/dx"),
        )
        self.overlay = translated(
            check_box("overlay", self._refresh, checked=True),
            text=lambda: tr("Over the input"),
            tip=lambda: tr("Draw each map over the input (the ink shows as grey)"),
        )
        self.loss_label = label("loss")
        top = side_by_side(
            self.title, self.class_text, self.class_box, self.label_text, self.label_box, self.overlay
        )

        self.sigma = translated(
            self._slider(
                "sigma", 0, SIGMA_STEPS, round(DEFAULT_SIGMA / SIGMA_MAX * SIGMA_STEPS), ("smoothgrad",)
            ),
            tip=lambda: tr("Noise added to the input for each SmoothGrad sample"),
        )
        self.samples = translated(
            self._slider("samples", 1, 100, DEFAULT_SAMPLES, ("smoothgrad",)),
            tip=lambda: tr("How many noisy copies SmoothGrad averages"),
        )
        self.sigma_text, self.samples_text = QLabel(), QLabel()
        self.ig_steps = translated(
            spin_box("ig_steps", 4, 256, DEFAULT_IG_STEPS, lambda: self._schedule(("ig",))),
            tip=lambda: tr(
                "Gradients taken on the path from black to the input (more: smaller completeness error)"
            ),
        )
        self.ig_text = translated(QLabel(), text=lambda: tr("IG steps"))
        self.layer_box = translated(
            self._combo("gradcam_layer", ("gradcam",)),
            tip=lambda: tr("Grad-CAM weighs this layer's maps by their mean gradient"),
        )
        self.layer_text = translated(QLabel(), text=lambda: tr("Grad-CAM layer"))
        self.other_box = translated(
            self._combo("contrast_class", ("contrast",)),
            tip=lambda: tr("Class B of “A rather than B” (starts at the runner-up)"),
        )
        self.other_text = translated(QLabel(), text=lambda: tr("Contrast with"))
        controls = QGridLayout()
        controls.addWidget(self.sigma_text, 0, 0)
        controls.addWidget(self.sigma, 0, 1)
        controls.addWidget(self.samples_text, 1, 0)
        controls.addWidget(self.samples, 1, 1)
        controls.addWidget(self.ig_text, 0, 2)
        controls.addWidget(self.ig_steps, 0, 3)
        controls.addWidget(self.layer_text, 0, 4)
        controls.addWidget(self.layer_box, 0, 5)
        controls.addWidget(self.other_text, 1, 4)
        controls.addWidget(self.other_box, 1, 5)
        controls.setColumnStretch(1, 1)

        self.board = MapBoard(columns=3)
        self.path_note = label("ig_path_note", wrap=True)
        self.path_note.hide()
        self.note = translated(label("note", wrap=True), text=_note)
        maps = QWidget()
        maps.setObjectName("attribution_maps")
        maps.setLayout(column(self.board, self.path_note, self.note))
        maps.layout().setContentsMargins(0, theme.px(theme.MARGIN_PX) // 2, 0, 0)
        self.sanity = SanityPanel()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("attribution_tabs")
        self.tabs.addTab(maps, "")
        self.tabs.addTab(self.sanity, "")
        page_column(self, top, self.loss_label, controls, self.tabs)
        self.retranslate_ui()
        theme.follow(self._apply_theme)

    def _combo(self, name: str, methods: tuple[str, ...]) -> QComboBox:
        return choice_box(name, lambda: self._schedule(methods, now=True))

    def _slider(self, name: str, low: int, high: int, value: int, methods: tuple[str, ...]) -> QSlider:
        slider = QSlider(Qt.Orientation.Horizontal)
        slider.setObjectName(name)
        slider.setRange(low, high)
        slider.setValue(value)
        slider.valueChanged.connect(lambda: self._schedule(methods))
        return slider

    # ---- public API

    def set_model(self, model: Sequential | None) -> None:
        """Explain ``model`` from now on (None clears)."""
        self._model = model
        self.results = {}
        names = [] if model is None else shown_class_names(model.class_names)
        for combo in (self.class_box, self.label_box, self.other_box):
            set_items(combo, names, 0)
        self.layer_box.blockSignals(True)
        self.layer_box.clear()
        for name, index in [] if model is None else gradcam_layers(model):
            self.layer_box.addItem(name, index)
        self.layer_box.setCurrentIndex(self.layer_box.count() - 1)
        self.layer_box.setEnabled(self.layer_box.count() > 0)
        self.layer_box.blockSignals(False)
        self._defaults()
        self._schedule(METHODS, now=True)

    def set_input(self, x: np.ndarray | None) -> None:
        """Explain digit ``x`` (None clears); the class and label reset to the prediction.

        Shape:
            x: ``(H, W)`` raw pixels in [0, 1].
        """
        self._x = None if x is None else np.asarray(x, np.float32)
        self._defaults()
        self._schedule(METHODS, now=True)

    def set_target(self, cls: int) -> None:
        """Explain class ``cls`` ("explain class k")."""
        self.class_box.setCurrentIndex(int(cls))

    def set_label(self, label: int) -> None:
        """Use ``label`` as the true class for the loss and dL/dx."""
        self.label_box.setCurrentIndex(int(label))

    def set_smoothgrad(self, sigma: float, samples: int) -> None:
        """Set SmoothGrad's noise σ (pixel units) and number of samples N."""
        self.sigma.setValue(round(sigma / SIGMA_MAX * SIGMA_STEPS))
        self.samples.setValue(int(samples))

    def set_gradcam_layer(self, layer_index: int) -> None:
        """Compute Grad-CAM at layer ``layer_index`` (one of :func:`gradcam_layers`)."""
        self.layer_box.setCurrentIndex(self.layer_box.findData(layer_index))

    def sigma_value(self) -> float:
        """SmoothGrad's σ in pixel units."""
        return self.sigma.value() * SIGMA_MAX / SIGMA_STEPS

    def map_settings(self) -> sanity.MapSettings | None:
        """The settings of the maps shown (class, contrast, label, SmoothGrad, IG, Grad-CAM), or None."""
        if self.batch() is None or self.class_box.currentIndex() < 0:
            return None
        return sanity.MapSettings(
            cls=self.class_box.currentIndex(),
            other=self.other_box.currentIndex(),
            label=self.label_box.currentIndex(),
            sigma=self.sigma_value(),
            samples=self.samples.value(),
            ig_steps=self.ig_steps.value(),
            gradcam_layer=int(self.layer_box.currentData()) if self.layer_box.count() > 0 else None,
        )

    def show_sanity_check(self) -> None:
        """Bring the sanity-check tab forward (it computes its maps only while on screen)."""
        self.tabs.setCurrentWidget(self.sanity)

    # ---- computing

    def _defaults(self) -> None:
        """Explain and label the predicted class; contrast with the runner-up."""
        x = self.batch()
        if x is None:
            return
        order = np.argsort(self._model.predict_proba(x)[0])[::-1]
        for combo, value in (
            (self.class_box, order[0]),
            (self.label_box, order[0]),
            (self.other_box, order[1]),
        ):
            combo.blockSignals(True)
            combo.setCurrentIndex(int(value))
            combo.blockSignals(False)

    def methods(self) -> tuple[str, ...]:
        """The maps this model has: all of :data:`METHODS`, without Grad-CAM when it has no conv layer."""
        return METHODS if self.layer_box.count() > 0 else tuple(m for m in METHODS if m != "gradcam")

    def _schedule(self, methods: tuple[str, ...], now: bool = False) -> None:
        self._dirty.update(methods)
        if now:
            self._timer.stop()
            self.compute()
        else:
            self._timer.start()

    def compute(self) -> None:
        """Recompute the maps whose settings changed (all of them after a new input or class)."""
        x = self.batch()
        if x is None or self.class_box.currentIndex() < 0:
            self.results, self.ig, self.loss = {}, None, None
            self._dirty.clear()
            self._refresh()
            self.sanity.set_problem(self._model, None, None)
            return
        model, cls = self._model, self.class_box.currentIndex()
        dirty, self._dirty = self._dirty, set()
        if not all(method in self.results for method in self.methods()):
            dirty = set(METHODS)
        if "vanilla" in dirty:
            self.results["vanilla"] = attribution.vanilla_gradient(model, x, cls)
        if "smoothgrad" in dirty:
            rng = np.random.default_rng(0)  # fixed noise: changing σ or N alone changes the map
            self.results["smoothgrad"] = attribution.smoothgrad(
                model, x, cls, self.sigma_value(), self.samples.value(), rng
            )
        if "ig" in dirty:
            self.ig = attribution.integrated_gradients_path(model, x, cls, steps=self.ig_steps.value())
            self.results["ig"] = self.ig.attributions
        if "gradcam" in dirty and "gradcam" in self.methods():
            cam = attribution.grad_cam(model, x, cls, int(self.layer_box.currentData()))
            self.results["gradcam"] = cam.upsampled
            self.results["gradcam_layer"] = cam.cam
        if "contrast" in dirty:
            self.results["contrast"] = attribution.contrast(model, x, cls, self.other_box.currentIndex())
        if "loss" in dirty:
            trace = model.trace(x, [self.label_box.currentIndex()])
            self.results["loss"] = trace.input_grad[0].sum(axis=0)
            self.loss = trace.loss
        self._refresh()
        self.sanity.set_problem(model, x, self.map_settings())
        self.sigComputed.emit()

    # ---- showing

    def _refresh(self) -> None:
        self.sigma_text.setText(tr("SmoothGrad σ = {s}").format(s=f"{self.sigma_value():.2f}"))
        self.samples_text.setText(tr("SmoothGrad N = {n}").format(n=self.samples.value()))
        if not self.results:
            self.board.set_panels([])
            self.path_note.hide()
            self.loss_label.setText(tr("Draw or pick an image to see which pixels the network looks at."))
            return
        names = shown_class_names(self._model.class_names)
        cls = names[self.class_box.currentIndex()]
        other = names[self.other_box.currentIndex()]
        label = names[self.label_box.currentIndex()]
        under = self._x.reshape(self._x.shape[-2:]) if self.overlay.isChecked() else None
        ig = self.ig
        cam_shape = (
            "\u00d7".join(map(str, self.results["gradcam_layer"].shape)) if "gradcam" in self.results else ""
        )
        blank_share = (
            cam_share_without_ink(self.results["gradcam_layer"], self._x.reshape(self._x.shape[-2:]))
            if "gradcam" in self.results
            else 0.0
        )
        titles = {
            "vanilla": (
                tr("Gradient ∂z{c}/∂x").format(c=theme.subscript(cls)),
                tr("plain saliency: one backward pass"),
            ),
            "smoothgrad": (
                tr("SmoothGrad"),
                tr("mean gradient over {n} noisy copies, σ = {s}").format(
                    n=self.samples.value(), s=f"{self.sigma_value():.2f}"
                ),
            ),
            "ig": (
                tr("Integrated Gradients"),
                tr("Σ = {a}, z(x) − z(black) = {b} (off by {e}%)").format(
                    a=fmt(float(ig.attributions.sum()), 4),
                    b=fmt(ig.delta, 4),
                    e=f"{100 * ig.completeness_error:.2f}",
                ),
            ),
            "gradcam": (
                tr("Grad-CAM at {layer}").format(layer=self.layer_box.currentText()),
                tr("computed on {shape} maps, then enlarged").format(shape=cam_shape)
                + "; "
                + tr("{share}% on cells with no ink").format(share=f"{100 * blank_share:.0f}"),
            ),
            "contrast": (
                tr("{a} rather than {b}").format(a=cls, b=other),
                tr("gradient of z{a} − z{b}").format(a=theme.subscript(cls), b=theme.subscript(other)),
            ),
            "loss": (
                tr("−dL/dx, label {y}").format(y=label),
                tr("red: more ink here lowers the loss"),
            ),
        }
        panels = []
        for method in self.methods():
            values = self.results[method].astype(np.float64)
            if method == "loss":
                # Shown negated so that red means "helps the true class", like the other maps.
                values = -values
            title, caption = titles[method]
            panels.append(Panel(title, values, numbers=False, under=under, caption=caption))
        self.board.set_panels(panels)
        self._show_path_note(cls)
        self.loss_label.setText(
            tr("Explaining the score (logit) of class {c}.  Loss against label {y}: L = {L}").format(
                c=cls, y=label, L=fmt(self.loss, 4)
            )
        )

    def _show_path_note(self, cls: str) -> None:
        """Say why completeness misses by more than usual when the score swings far along the IG path."""
        ig = self.ig
        if ig is None or ig.swing < SWING_NOTE_RATIO * abs(ig.delta):
            self.path_note.hide()
            return
        self.path_note.setText(
            tr(
                "Why Integrated Gradients misses more here: on the way from black to this input the score of "
                "{c} ranges from {low} to {high}. It travels {swing} in all for a net change of only "
                "{delta}, so large positive and negative parts cancel and a small error in them is a large "
                "share of the sum. More steps usually make it smaller."
            ).format(
                c=cls,
                low=fmt(float(ig.scores.min()), 3),
                high=fmt(float(ig.scores.max()), 3),
                swing=fmt(ig.swing, 3),
                delta=fmt(ig.delta, 3),
            )
        )
        self.path_note.show()

    # ---- texts and theme

    def retranslate_ui(self) -> None:
        """Set the user-visible texts in the current language."""
        show_header(self, self.title)
        self.tabs.setTabText(0, tr("Maps"))
        self.tabs.setTabText(1, tr("Sanity check: random weights"))
        self.tabs.setTabToolTip(1, tr("Do the maps change when the model's weights are random?"))
        self._refresh()

    def _apply_theme(self) -> None:
        self.loss_label.setFont(theme.font(1.1))


if __name__ == "__main__":
    run_page(AttributionView)
