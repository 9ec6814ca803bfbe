"""The sources folder: its files discovered, the clerk's sidecars applied, exempt documents withheld."""
