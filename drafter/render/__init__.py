"""Renderers: text, DOCX and Akoma Ntoso, three views of one model."""
