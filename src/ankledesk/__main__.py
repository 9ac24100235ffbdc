"""`python -m ankledesk` runs the same entry point as the `ankledesk` command."""

import sys

from ankledesk.entry import main

sys.exit(main())
