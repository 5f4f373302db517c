"""The frozen app's entry point (see reconnect.spec): the same as the ``reconnect`` command."""

import sys

from reconnect.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
