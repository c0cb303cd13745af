"""GST's desk reports and return methods; the code behind them is in ``returns/``."""
