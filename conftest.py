"""Shared test fixtures for the engine's tests and every module's tests."""

pytest_plugins = ["tests.fixtures"]
