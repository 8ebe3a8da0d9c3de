"""The bundled files are found in a checkout and after a non-editable install."""

from __future__ import annotations

from pathlib import Path

import pytest

from explainer import assets


@pytest.mark.parametrize(
    "name",
    ["model.npz", "samples.npz", "unusual.npz", "icon.png", "fashion_mnist.npz", "fashion_samples.npz"],
)
def test_every_bundled_file_is_in_the_checkout(name: str) -> None:
    path = assets.asset_path(name)
    assert path == assets.SOURCE_ASSETS / name and path.stat().st_size > 1000


def test_the_installed_copy_is_used_when_the_checkout_has_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    installed = tmp_path / "share" / "assets"
    installed.mkdir(parents=True)
    (installed / "model.npz").write_bytes(b"x")
    monkeypatch.setattr(assets, "SOURCE_ASSETS", tmp_path / "no-checkout")
    monkeypatch.setattr(assets, "INSTALLED_ASSETS", installed)
    assert assets.asset_path("model.npz") == installed / "model.npz"
    # Missing everywhere: the checkout path, so the error names where the file belongs.
    assert assets.asset_path("samples.npz") == tmp_path / "no-checkout" / "samples.npz"


def test_an_assets_path_names_the_bundled_file_from_any_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert assets.bundled("assets/fashion_mnist.npz") == assets.asset_path("fashion_mnist.npz")
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "fashion_mnist.npz").write_bytes(b"x")
    assert assets.bundled("assets/fashion_mnist.npz") == Path("assets/fashion_mnist.npz"), "a local file wins"
    assert assets.bundled("other/model.npz") == Path("other/model.npz")


def test_the_app_icon_is_a_square_image(qapp) -> None:
    from PySide6.QtGui import QImage

    icon = QImage(str(assets.asset_path("icon.png")))
    assert not icon.isNull() and icon.width() == icon.height() >= 128
