"""`python -m stylelint_news`."""

from .cli import main

raise SystemExit(main())
