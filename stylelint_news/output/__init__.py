"""The report stage: formats (flake8, JSON, GitHub, SARIF, plugins') and what becomes of each
file's result (fixes written, diffs, source lines, the summary)."""
