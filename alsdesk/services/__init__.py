"""Use cases and clinical rules; Qt-free, keyword-only, returning frozen dataclasses."""
