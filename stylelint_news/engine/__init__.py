"""Running rules: the run context and its caches, plugins, selection, suppression, fixes, and
many files on one core or all of them."""
