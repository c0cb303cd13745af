"""Selling's reports: the sales register and gross profit (see ``reports`` in the
manifest; ``api.py`` holds the methods behind them)."""
