"""Command groups of the `ankledesk` CLI, one module each; add a module here to add a command."""

from ankledesk.commands import routines

COMMAND_MODULES = (routines,)
