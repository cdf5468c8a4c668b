"""Assembling a draft: base, mechanical edits, choices, answers."""
