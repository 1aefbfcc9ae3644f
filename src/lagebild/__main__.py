"""Allow ``python -m lagebild``."""

import sys

from lagebild.cli import main

sys.exit(main())
