"""Excel import/export of the emulation records, one module per topic (on cum4's BaseResource)."""
