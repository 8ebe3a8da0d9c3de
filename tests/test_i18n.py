"""Two languages: the catalogue covers every tr() string, the extractor works, switching updates windows."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from explainer.errors import BadInputError
from explainer.gui import i18n
from explainer.gui.i18n import (
    LanguageMenu,
    available_languages,
    current_language,
    default_language,
    font_warning,
    install_saved_language,
    language_notifier,
    saved_language,
    set_language,
    tr,
)
from explainer.i18n import extract

CJK = re.compile(r"[\u4e00-\u9fff]")
MODEL_PATH = Path(__file__).resolve().parent.parent / "assets" / "model.npz"


@pytest.fixture
def english_after(qapp, settings):
    """Whatever a test switches to, the next test runs in English again."""
    yield qapp
    set_language(qapp, "en", settings)


def plain(title: str) -> str:
    """A menu title without its accelerator: "&File" → "File", "文件(&F)" → "文件"."""
    return re.sub(r"\(&\w\)", "", title).replace("&", "")


# ---- the catalogue in the repository ---------------------------------------------------------------------


def test_every_tr_string_has_a_finished_translation() -> None:
    collected = extract.collect()
    assert len(collected.messages) > 100, "the scan found suspiciously few strings"
    problems = extract.check(collected, extract.read_ts(extract.ts_path("zh_CN")))
    assert not problems, (
        f"{len(problems)} translation problem(s); run `python -m explainer.i18n.extract`, translate, and "
        "run it again:\n" + "\n".join(problems[:40])
    )


def test_the_compiled_catalogue_matches_the_ts_file(qapp) -> None:
    translator = QTranslator()
    assert translator.load(str(extract.qm_path("zh_CN")))
    entries = extract.read_ts(extract.ts_path("zh_CN"))
    finished = {source: entry.translation for source, entry in entries.items() if not entry.status}
    assert finished
    stale = [source for source, text in finished.items() if translator.translate("explainer", source) != text]
    assert not stale, f"the .qm is older than the .ts; run the extractor. First: {stale[:3]}"


# ---- the extractor on a small package -------------------------------------------------------------------


def write_package(root: Path, body: str) -> Path:
    package = root / "demo"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "views.py").write_text(body)
    return package


def test_extract_collects_literals_and_reports_what_it_cannot(tmp_path) -> None:
    package = write_package(
        tmp_path,
        "from explainer.gui.i18n import tr\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "a = tr('Open')\n"
        "b = tr('Two ' 'parts {n}').format(n=1)\n"
        "c = QCoreApplication.translate('explainer', 'Direct')\n"
        "d = QCoreApplication.translate('other', 'Elsewhere')\n"
        "e = tr(f'dynamic {a}')\n"
        "f = tr('Open')\n",
    )
    collected = extract.collect(package)
    assert list(collected.messages) == ["Open", "Two parts {n}", "Direct"]
    assert collected.messages["Open"] == [("demo/views.py", 3), ("demo/views.py", 8)]
    assert len(collected.problems) == 1 and "demo/views.py:7" in collected.problems[0]


def test_merge_keeps_translations_marks_new_and_vanished(tmp_path) -> None:
    package = write_package(tmp_path, "from x import tr\ntr('Open')\ntr('New one')\n")
    collected = extract.collect(package)
    existing = {"Open": extract.Entry("打开", ""), "Gone": extract.Entry("没了", "")}
    merged = extract.merge(collected, existing)
    assert merged["Open"] == extract.Entry("打开", "")
    assert merged["New one"] == extract.Entry("", "unfinished")
    assert merged["Gone"] == extract.Entry("没了", "vanished")
    assert "Gone" not in extract.merge(collected, existing, prune=True)
    ts = tmp_path / "demo_zh_CN.ts"
    extract.write_ts(ts, "zh_CN", merged, collected)
    assert extract.read_ts(ts) == merged
    problems = extract.check(collected, extract.read_ts(ts))
    assert len(problems) == 1 and "New one" in problems[0] and "unfinished" in problems[0]
    back = extract.merge(extract.collect(package), {"Open": extract.Entry("打开", "vanished")})
    assert back["Open"] == extract.Entry("打开", "unfinished"), "a returning string is reviewed again"


def test_compiled_catalogue_translates_in_the_app_context(tmp_path, qapp) -> None:
    package = write_package(tmp_path, "from x import tr\ntr('Open')\ntr('Later')\n")
    collected = extract.collect(package)
    entries = extract.merge(collected, {"Open": extract.Entry("打开", "")})
    ts, qm = tmp_path / "demo.ts", tmp_path / "demo.qm"
    extract.write_ts(ts, "zh_CN", entries, collected)
    extract.compile_qm(ts, qm)
    translator = QTranslator()
    assert translator.load(str(qm))
    assert translator.translate("explainer", "Open") == "打开"
    assert translator.translate("explainer", "Later") == "", "unfinished entries stay out of the .qm"


@pytest.mark.parametrize(
    ("source", "translation", "problem"),
    [
        ("Stop {i} of {n}", "第 {i} 站,共 {n} 站", None),
        ("Stop {i} of {n}", "第 {i} 站", "placeholders"),
        ("{ms:.1f} ms", "{ms} 毫秒", "placeholders"),
        ("<b>Loss</b>", "损失", "HTML"),
        ("&File", "文件(&F)", None),
        ("&File", "文件", "accelerator"),
    ],
)
def test_translation_problems(source: str, translation: str, problem: str | None) -> None:
    found = extract.translation_problems(source, translation)
    if problem is None:
        assert found == []
    else:
        assert len(found) == 1 and problem in found[0]


def test_check_mode_exit_code(monkeypatch, tmp_path, capsys) -> None:
    package = write_package(tmp_path, "from x import tr\ntr('Open')\n")
    collect = extract.collect
    monkeypatch.setattr(extract, "collect", lambda: collect(package))
    monkeypatch.setattr(extract, "ts_path", lambda code: tmp_path / f"demo_{code}.ts")
    assert extract.main(["--check"]) == 1
    assert "not in the catalogue: 'Open'" in capsys.readouterr().out


# ---- choosing the language ------------------------------------------------------------------------------


def test_languages_and_defaults(settings) -> None:
    assert available_languages() == {"en": "English", "zh_CN": "简体中文"}
    assert default_language(QLocale("zh_TW")) == "zh_CN"
    assert default_language(QLocale("zh_CN")) == "zh_CN"
    assert default_language(QLocale("de_DE")) == "en"
    settings.setValue(i18n.SETTINGS_KEY, "zh_CN")
    assert saved_language(settings) == "zh_CN"
    settings.setValue(i18n.SETTINGS_KEY, "klingon")
    assert saved_language(settings) == default_language()


def test_set_language_translates_remembers_and_announces(english_after, settings, qtbot) -> None:
    with qtbot.waitSignal(language_notifier().sigLanguageChanged) as signal:
        set_language(english_after, "zh_CN", settings)
    assert signal.args == ["zh_CN"] and current_language() == "zh_CN"
    assert settings.value(i18n.SETTINGS_KEY) == "zh_CN"
    assert CJK.search(tr("Draw a digit"))
    assert tr("Stop {i} of {n}").format(i=3, n=12).count("3") == 1
    # Qt's own catalogue is installed too: standard buttons speak Chinese.
    assert CJK.search(QCoreApplication.translate("QPlatformTheme", "Cancel"))
    set_language(english_after, "en", settings)
    assert tr("Draw a digit") == "Draw a digit" and settings.value(i18n.SETTINGS_KEY) == "en"
    with pytest.raises(BadInputError, match="klingon"):
        set_language(english_after, "klingon", settings)


def test_switching_back_and_forth_frees_the_old_catalogues(english_after, settings, qtbot) -> None:
    """Each switch loads fresh catalogues; the replaced ones must go (they leaked ~100 kB per switch)."""

    def translators() -> int:
        qtbot.wait(1)  # runs the deferred deletions
        QCoreApplication.sendPostedEvents(None, 0)
        return len(english_after.findChildren(QTranslator))

    set_language(english_after, "zh_CN", settings)
    installed = translators()
    assert installed >= 1
    for _ in range(5):
        set_language(english_after, "en", settings)
        set_language(english_after, "zh_CN", settings)
    assert translators() == installed
    set_language(english_after, "en", settings)
    assert translators() == 0


def test_start_up_uses_the_saved_language_without_writing(
    english_after, settings, monkeypatch, tmp_path
) -> None:
    assert install_saved_language(english_after, settings) == default_language()
    assert not settings.contains(i18n.SETTINGS_KEY), "no choice of their own: keep following the system"
    settings.setValue(i18n.SETTINGS_KEY, "zh_CN")
    assert install_saved_language(english_after, settings) == "zh_CN" and CJK.search(tr("Draw a digit"))
    monkeypatch.setattr(i18n, "CATALOGUE_DIR", tmp_path)  # a broken installation: start in English
    assert install_saved_language(english_after, settings) == "en"
    assert settings.value(i18n.SETTINGS_KEY) == "zh_CN"


def test_a_missing_catalogue_is_reported(english_after, settings, monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(i18n, "CATALOGUE_DIR", tmp_path)
    with pytest.raises(BadInputError, match=r"explainer_zh_CN\.qm"):
        set_language(english_after, "zh_CN", settings)
    assert current_language() == "en"


def test_font_warning_names_the_package(monkeypatch) -> None:
    assert font_warning("en") is None
    monkeypatch.setattr(i18n, "cjk_font_families", lambda: [])
    assert "fonts-noto-cjk" in font_warning("zh_CN")
    monkeypatch.setattr(i18n, "cjk_font_families", lambda: ["Noto Sans CJK SC"])
    assert font_warning("zh_CN") is None


def test_file_errors_a_user_meets_are_translated(english_after, settings, tmp_path) -> None:
    from explainer.gui.i18n import translate_error
    from explainer.imageio import load_image
    from explainer.modelio import load_model

    (tmp_path / "empty.npz").write_bytes(b"")
    (tmp_path / "words.png").write_bytes(b"not an image at all")
    from explainer.data import load_mnist

    loads = [
        (load_image, tmp_path / "missing.png"),
        (load_image, tmp_path / "words.png"),
        (load_model, tmp_path / "empty.npz"),
        (load_image, tmp_path),  # a folder
        (lambda folder: load_mnist(folder, "test"), tmp_path / "nowhere"),
        (lambda folder: load_mnist(folder, "test"), tmp_path),
    ]
    errors = []
    for load, path in loads:
        with pytest.raises(BadInputError) as raised:
            load(path)
        errors.append(raised.value)
    messages = [str(error) for error in errors]
    assert [translate_error(error) for error in errors] == messages  # English: unchanged
    set_language(english_after, "zh_CN", settings)
    for error in errors:
        translated = translate_error(error)
        assert CJK.search(translated) and str(tmp_path) in translated, translated
    assert "文件不存在" in translate_error(errors[0]) and "图像" in translate_error(errors[3])
    untranslatable = BadInputError("an engine message with no fixed form")
    assert translate_error(untranslatable) == "an engine message with no fixed form"


def test_a_model_that_fails_at_startup_is_reported_in_the_current_language(
    english_after, settings, tmp_path
) -> None:
    from explainer.gui.mainwindow.modelfiles import load_initial_model

    missing = tmp_path / "missing.npz"
    _, english = load_initial_model(missing)
    assert str(missing) in english and not CJK.search(english)
    set_language(english_after, "zh_CN", settings)
    _, chinese = load_initial_model(missing)
    assert str(missing) in chinese and "文件不存在" in chinese, chinese


def test_the_architecture_editors_refusals_are_translated(english_after, settings) -> None:
    from explainer.architectures import ArchitectureSpec, describe
    from explainer.gui.i18n import translate_error

    specs = [
        ArchitectureSpec(stride=2),
        ArchitectureSpec(
            conv_blocks=3, convs_per_block=2, channels=(4, 4, 4), kernel_size=5, padding="valid"
        ),
        ArchitectureSpec(conv_blocks=1, convs_per_block=1, channels=(256,), pooling="none", dense=(64,)),
    ]
    errors = []
    for spec in specs:
        with pytest.raises(BadInputError) as raised:
            describe(spec)
        errors.append(raised.value)
    messages = [str(error) for error in errors]
    assert [translate_error(error) for error in errors] == messages
    set_language(english_after, "zh_CN", settings)
    for error, message in zip(errors, messages, strict=True):
        translated = translate_error(error)
        assert CJK.search(translated) and translated.split("：")[0] == message.split(":")[0], translated


def test_the_step_player_follows_a_switch(english_after, settings, qtbot) -> None:
    from PySide6.QtWidgets import QLabel, QSlider

    from explainer.gui.kit.animation import StepPlayer

    player = StepPlayer()
    qtbot.addWidget(player)
    texts = lambda: {label.text() for label in player.findChildren(QLabel)}  # noqa: E731
    assert "Speed" in texts()
    set_language(english_after, "zh_CN", settings)
    qtbot.waitUntil(lambda: "Speed" not in texts())
    assert any(CJK.search(text) for text in texts())
    assert CJK.search(player.findChild(QSlider, "speed").toolTip())


@pytest.mark.skipif(not MODEL_PATH.exists(), reason=f"the bundled model {MODEL_PATH} is missing")
def test_switching_updates_the_open_window_without_restart(english_after, settings, qtbot) -> None:
    from explainer.gui.mainwindow import MainWindow
    from explainer.gui.state import Settings
    from explainer.gui.tour import TourPanel, install_tour

    window = MainWindow(settings=Settings())
    qtbot.addWidget(window)
    window.show()
    menu = window.findChild(LanguageMenu)
    if menu is None:
        menu = LanguageMenu(window)
        window.view_menu.addMenu(menu)
    panel = window.findChild(TourPanel) or install_tour(window)
    panel.start(resume=False)
    assert plain(window.file_menu.title()) == "File" and plain(menu.title()) == "Language"
    english_narration = panel.narration.text()

    menu.action_for("zh_CN").trigger()
    qtbot.waitUntil(lambda: plain(window.file_menu.title()) == "文件")
    assert current_language() == "zh_CN" and settings.value(i18n.SETTINGS_KEY) == "zh_CN"
    assert menu.action_for("zh_CN").isChecked() and plain(menu.title()) == "语言"
    assert CJK.search(window.windowTitle()) and CJK.search(window.draw_heading.text())
    assert CJK.search(panel.narration.text()) and CJK.search(panel.progress.text())
    for number in panel.controller.current().numbers.values():
        assert number.text in panel.narration.text()

    menu.action_for("en").trigger()
    qtbot.waitUntil(lambda: plain(window.file_menu.title()) == "File")
    assert panel.narration.text() == english_narration
    assert window.draw_heading.text() == "Draw a digit"
    panel.leave()


def test_chinese_text_can_be_rendered(qapp) -> None:
    families = i18n.cjk_font_families()
    if not families:
        pytest.skip("no CJK font installed (Debian/Ubuntu: apt-get install fonts-noto-cjk)")
    from PySide6.QtGui import QFont, QFontMetrics

    metrics = QFontMetrics(QFont(families[0]))
    assert all(metrics.inFontUcs4(ord(character)) for character in "卷积神经网络")
