"""Training code for the fitted models that ship in bot/models/ (not part of the package)."""
