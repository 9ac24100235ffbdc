"""Command groups of the `ankledesk` CLI, one module each; add a module here to add a command."""

from ankledesk.commands import clips, demo, export, history, routines, simulate

COMMAND_MODULES = (routines, demo, simulate, history, clips, export,)
