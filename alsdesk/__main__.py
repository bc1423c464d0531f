"""Run the `alsdesk` command with `python -m alsdesk`."""

import sys

from alsdesk.cli import main

sys.exit(main())
