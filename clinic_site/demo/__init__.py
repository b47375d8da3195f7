"""Demo content for a new install: the clinic, its Learning Centre and three articles."""
