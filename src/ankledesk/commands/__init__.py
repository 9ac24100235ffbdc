"""Command groups of the `ankledesk` CLI, one module each; add a module here to add a command."""

from ankledesk.commands import clips, export, history, measure, routines, simulate, suggest

COMMAND_MODULES = (routines, simulate, history, measure, suggest, clips, export)
