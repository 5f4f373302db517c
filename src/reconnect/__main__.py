"""Run Reconnect with ``python -m reconnect``."""

import sys

from reconnect.cli.main import main

sys.exit(main())
