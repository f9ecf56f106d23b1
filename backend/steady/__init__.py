"""Steady: a calm, offline-first companion for frontline workers between shifts."""
