"""TOML rule packs: the loader, the base of every pack rule, and the rule types that ship."""
