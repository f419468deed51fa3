"""The TOML rule packs that ship with stylelint-news: installed as the package data of
`stylelint_news.rules` (see pyproject.toml), and the model for a newsroom's own packs."""
