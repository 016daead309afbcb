"""``python -m whimbrel`` runs the CLI."""

import sys

from whimbrel.cli import main

sys.exit(main())
