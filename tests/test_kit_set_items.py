"""``kit.widgets.set_items``: the one way the views replace a combo box's choices without a signal."""

from __future__ import annotations

from explainer.gui.kit.widgets import choice_box, set_items


def _items(box) -> list[str]:
    return [box.itemText(i) for i in range(box.count())]


def test_keeps_the_chosen_index_clipped_to_the_new_items(qtbot) -> None:
    box = choice_box("box", items=["a", "b", "c", "d"])
    qtbot.addWidget(box)
    box.setCurrentIndex(3)
    set_items(box, ["x", "y"])
    assert _items(box) == ["x", "y"]
    assert box.currentIndex() == 1
    set_items(box, ["p", "q", "r"])
    assert box.currentIndex() == 1


def test_chooses_the_given_index(qtbot) -> None:
    box = choice_box("box", items=["a", "b", "c"])
    qtbot.addWidget(box)
    box.setCurrentIndex(2)
    set_items(box, ["a", "b", "c"], 0)
    assert (_items(box), box.currentIndex()) == (["a", "b", "c"], 0)
    set_items(box, ["x"], 5)
    assert (_items(box), box.currentIndex()) == (["x"], 0)


def test_no_items_leave_no_choice(qtbot) -> None:
    box = choice_box("box", items=["a", "b"])
    qtbot.addWidget(box)
    set_items(box, [], 0)
    assert (box.count(), box.currentIndex()) == (0, -1)


def test_announces_nothing_and_restores_the_blocking(qtbot) -> None:
    seen: list[int] = []
    box = choice_box("box", seen.append, ["a", "b", "c"])
    qtbot.addWidget(box)
    box.setCurrentIndex(2)
    seen.clear()
    set_items(box, ["x", "y"])
    set_items(box, ["x", "y"], 0)
    assert seen == []
    assert not box.signalsBlocked()
    box.setCurrentIndex(1)
    assert seen == [1]
