"""Renderers: the recognized model and findings as JSON or as text for a terminal."""
