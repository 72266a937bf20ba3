"""String tables, one module per page plus ``common`` (see ui/i18n.py)."""
