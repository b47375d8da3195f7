"""Helpers shared by several test modules. Test modules import from here (or use the
fixtures in conftest.py), never from one another."""
