"""drafter: a drafting assistant for United Nations resolutions."""

__version__ = "0.1.0"
