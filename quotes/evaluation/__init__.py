"""Scoring extraction: PolNeAR-style BRAT standoff (`quotes eval --gold`) and speaker names
against the real-news speaker set (`quotes eval --speakers`)."""
