"""Two languages through Qt's own machinery: ``tr()`` marks strings, a QTranslator loads ``.qm`` catalogues.

Every user-visible string is written in English inside ``tr("...")``; the English text is the key. The
catalogue ``explainer/i18n/explainer_zh_CN.ts`` holds the Simplified Chinese translations (context
``"explainer"``); ``python -m explainer.i18n.extract`` refreshes it from the source and compiles the
``.qm`` file that ``set_language`` loads.

Switching at run time: ``set_language`` installs or removes the translator. Qt then sends
``QEvent.LanguageChange`` to every window and, from there, to every child widget, so a widget follows by
re-setting its texts in ``changeEvent`` (the ``retranslate_ui`` pattern). Objects that are not widgets
connect to ``language_notifier().sigLanguageChanged`` instead. The choice is remembered in QSettings under
``"ui/language"``; without a saved choice the system locale decides.

Chinese needs a font with CJK glyphs (on Debian/Ubuntu: ``fonts-noto-cjk``). Without one the app still
works; ``font_warning`` says which package to install.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    QSettings,
    QTranslator,
    Signal,
)
from PySide6.QtGui import QAction, QActionGroup, QFontDatabase
from PySide6.QtWidgets import QMenu, QWidget

from explainer.errors import BadInputError

CONTEXT = "explainer"
"""The translation context of every string of the app (the ``.ts`` file has this one context)."""

SETTINGS_KEY = "ui/language"
"""QSettings key holding the chosen language code."""

SOURCE_LANGUAGE = "en"
"""The language the source strings are written in (no catalogue needed)."""

CATALOGUE_DIR = Path(__file__).resolve().parent.parent / "i18n"
"""Where ``explainer_<code>.qm`` (and the ``.ts`` it is built from) live."""

CJK_FONT_PACKAGE = "fonts-noto-cjk"
"""The Debian/Ubuntu package that provides Chinese glyphs."""

_LANGUAGES = {"en": "English", "zh_CN": "简体中文"}

_log = logging.getLogger(__name__)


def tr(text: str) -> str:
    """Translate ``text`` for the current language; the English source string is the key."""
    return QCoreApplication.translate(CONTEXT, text)


class LanguageNotifier(QObject):
    """Announces a language switch, after the translators have been swapped.

    Signals:
        sigLanguageChanged(code): the new language code, e.g. ``"zh_CN"``.
    """

    sigLanguageChanged = Signal(str)


_state: dict[str, object] = {"language": SOURCE_LANGUAGE, "translators": [], "notifier": None}


def _file_kinds() -> dict[str, str]:
    """The file kinds the readers name (explainer.errors.regular_file_size), in the current language."""
    return {"image": tr("image"), "IDX": tr("IDX"), "model": tr("model")}


def class_name(name: str) -> str:
    """A model's class name in the current language; a name the catalogue lacks (a digit) stays as it is.

    Class names are data (``Dataset.class_names``, ``model.class_names``), so the bundled data sets' names
    are written out here with ``tr()`` for ``python -m explainer.i18n.extract`` to catalogue.
    """
    translated = {
        "T-shirt/top": tr("T-shirt/top"),
        "Trouser": tr("Trouser"),
        "Pullover": tr("Pullover"),
        "Dress": tr("Dress"),
        "Coat": tr("Coat"),
        "Sandal": tr("Sandal"),
        "Shirt": tr("Shirt"),
        "Sneaker": tr("Sneaker"),
        "Bag": tr("Bag"),
        "Ankle boot": tr("Ankle boot"),
    }
    return translated.get(name, name)


def shown_class_names(names: Iterable[object]) -> list[str]:
    """A model's class names as the app shows them: in the current language (see :func:`class_name`)."""
    return [class_name(str(name)) for name in names]


def translate_error(error: BaseException) -> str:
    """The message of ``error`` in the current language.

    A ``BadInputError`` raised through ``explainer.errors.bad_input`` keeps its English template and
    fields; the template is a catalogue entry (``extract`` collects it), so it is translated and filled
    in again. Any other error is shown as written.
    """
    template = getattr(error, "template", None)
    if template is None:
        return str(error)
    fields = dict(error.fields)  # type: ignore[attr-defined]
    if "kind" in fields:
        fields["kind"] = _file_kinds().get(str(fields["kind"]), fields["kind"])
    # The template is a variable here on purpose: it was collected where the error was raised.
    return QCoreApplication.translate(CONTEXT, template).format(**fields)


def language_notifier() -> LanguageNotifier:
    """The single LanguageNotifier of the process (created on first use)."""
    if _state["notifier"] is None:
        _state["notifier"] = LanguageNotifier()
    return _state["notifier"]  # type: ignore[return-value]


def available_languages() -> dict[str, str]:
    """Language codes and their names, each written in its own language (so anyone can find theirs)."""
    return dict(_LANGUAGES)


def current_language() -> str:
    """The code of the language in use now (``"en"`` until ``set_language`` picks another)."""
    return _state["language"]  # type: ignore[return-value]


def default_language(locale: QLocale | None = None) -> str:
    """The language the system locale asks for: any Chinese locale gives ``"zh_CN"``, others English."""
    name = (locale if locale is not None else QLocale.system()).name()
    return "zh_CN" if name.lower().startswith("zh") else SOURCE_LANGUAGE


def saved_language(settings: QSettings | None = None) -> str:
    """The language remembered in ``settings`` (default QSettings), else ``default_language()``."""
    store = settings if settings is not None else QSettings()
    code = store.value(SETTINGS_KEY, "", type=str)
    return code if code in _LANGUAGES else default_language()


def catalogue_path(code: str) -> Path:
    """The compiled catalogue of ``code``: ``explainer/i18n/explainer_<code>.qm``."""
    return CATALOGUE_DIR / f"explainer_{code}.qm"


def set_language(
    app: QCoreApplication, code: str, settings: QSettings | None = None, *, remember: bool = True
) -> None:
    """Translate the app into ``code`` from now on, remember the choice and tell every open widget.

    Installs the app's catalogue and Qt's own one (standard buttons and dialogs) for ``code``, or removes
    them for English. Qt posts ``QEvent.LanguageChange`` to every window; then ``sigLanguageChanged``
    fires. With ``remember`` the choice is saved in ``settings`` (default QSettings) under ``SETTINGS_KEY``.

    Raises:
        BadInputError: ``code`` is not one of ``available_languages()``, or its catalogue cannot be loaded.
    """
    if code not in _LANGUAGES:
        raise BadInputError(f"unknown language {code!r}; expected one of {', '.join(_LANGUAGES)}")
    translators: list[QTranslator] = []
    if code != SOURCE_LANGUAGE:
        own = QTranslator(app)
        path = catalogue_path(code)
        if not own.load(str(path)):
            own.deleteLater()
            raise BadInputError(f"cannot load the translation catalogue {path}: missing or damaged")
        translators.append(own)
        qt_own = QTranslator(app)
        # Qt's catalogue is optional: PySide6 wheels ship it, some distributions split it off.
        if qt_own.load(f"qtbase_{code}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            translators.append(qt_own)
        else:
            qt_own.deleteLater()
    for old in _state["translators"]:  # type: ignore[attr-defined]
        app.removeTranslator(old)
        old.deleteLater()  # parented to the app: without this every switch kept both catalogues alive
    for new in translators:
        app.installTranslator(new)
    _state["translators"] = translators
    _state["language"] = code
    if remember:
        (settings if settings is not None else QSettings()).setValue(SETTINGS_KEY, code)
    warning = font_warning(code)
    if warning is not None:
        _log.warning(warning)
    language_notifier().sigLanguageChanged.emit(code)


def install_saved_language(app: QCoreApplication, settings: QSettings | None = None) -> str:
    """At start-up, before the window exists: use the remembered (or the system's) language; returns it.

    Nothing is written to the settings, so without a choice of their own users keep following the system
    locale. A damaged catalogue is logged and the app stays in English rather than not starting.
    """
    code = saved_language(settings)
    try:
        set_language(app, code, settings, remember=False)
    except BadInputError as error:
        _log.warning("%s; using English", error)
        set_language(app, SOURCE_LANGUAGE, settings, remember=False)
    return current_language()


def cjk_font_families() -> list[str]:
    """Installed font families that can write Simplified Chinese (empty when none is installed)."""
    return QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)


def font_warning(code: str) -> str | None:
    """A message for the status bar when ``code`` needs glyphs no installed font has, else None."""
    if code != "zh_CN" or cjk_font_families():
        return None
    return tr(
        "No installed font can show Chinese characters, so some text may appear as boxes. "
        "Install the {package} package and restart the app."
    ).format(package=CJK_FONT_PACKAGE)


class FollowsLanguage:
    """Widget mixin, listed before the Qt base class: a run-time language switch calls ``retranslate_ui()``.

    Qt sends ``QEvent.LanguageChange`` to every widget when a translator is installed or removed.
    """

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()  # type: ignore[attr-defined]
        super().changeEvent(event)  # type: ignore[misc]


class LanguageMenu(FollowsLanguage, QMenu):
    """A "Language" menu with one checkable entry per language; choosing one switches the app at once.

    Each entry shows the language's own name ("English", "简体中文"), so it can be found from either
    language. The window adds it with ``menu.addMenu(LanguageMenu(window))``.

    Signals:
        sigWarning(text): a message for the status bar (a missing CJK font, an unloadable catalogue).
    """

    sigWarning = Signal(str)

    def __init__(self, parent: QWidget | None = None, settings: QSettings | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("language_menu")
        self._settings = settings
        self._group = QActionGroup(self)
        self._group.setExclusive(True)
        for code, name in _LANGUAGES.items():
            action = QAction(name, self)
            action.setObjectName(f"language_{code}")
            action.setData(code)
            action.setCheckable(True)
            self._group.addAction(action)
            self.addAction(action)
        self._group.triggered.connect(self._choose)
        language_notifier().sigLanguageChanged.connect(self._check_current)
        self._check_current(current_language())
        self.retranslate_ui()

    def action_for(self, code: str) -> QAction:
        """The entry of language ``code``."""
        return next(action for action in self._group.actions() if action.data() == code)

    def retranslate_ui(self) -> None:
        """Set the user-visible texts in the current language."""
        self.setTitle(tr("&Language"))
        self.setToolTip(tr("Show the app in another language; the choice is remembered"))

    def _check_current(self, code: str) -> None:
        """Tick the entry of the language in use."""
        for action in self._group.actions():
            action.setChecked(action.data() == code)

    def _choose(self, action: QAction) -> None:
        """Switch to the chosen language, reporting a missing font or catalogue through ``sigWarning``."""
        app = QCoreApplication.instance()
        code = action.data()
        try:
            set_language(app, code, self._settings)
        except BadInputError as error:
            self._check_current(current_language())
            self.sigWarning.emit(translate_error(error))
            return
        warning = font_warning(code)
        if warning is not None:
            self.sigWarning.emit(warning)
