"""``python -m lagebild.timex OUT.jsonl DIR``: TimeML files from lagebild's JSON output."""

from lagebild.timex.timeml import main

raise SystemExit(main())
