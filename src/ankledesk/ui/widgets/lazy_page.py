"""A page of the main window that is built the first time it is shown (or asked for).

Routines, Build and History bring libvlc views, a drill library and charts; none of it is
needed to paint Today, so none of it is on the way to the window's first paint.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

Page = TypeVar("Page", bound=QWidget)


class LazyPage(QWidget, Generic[Page]):
    def __init__(self, make: Callable[[], Page], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._make = make
        self._page: Page | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    @property
    def built(self) -> bool:
        return self._page is not None

    @property
    def page(self) -> Page:
        if self._page is None:
            self._page = self._make()
            self._layout.addWidget(self._page)
            self._page.show()  # a child added to a shown widget stays hidden until told
        return self._page

    def showEvent(self, event: QShowEvent) -> None:
        self.page  # noqa: B018 - built on first show
        super().showEvent(event)
