"""The Build screen: a circuit builder over the Qt-free draft in core/draft.py."""

from ankledesk.ui.build.screen import BuildScreen

__all__ = ["BuildScreen"]
