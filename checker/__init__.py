"""psc-check: evaluate a vendor's declaration against the Pro Santé Connect referential."""

__all__ = ["__version__"]

__version__ = "0.1.0"
