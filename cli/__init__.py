"""quote-tracker's command line (installed as `quotes.cli`; console command `quotes`)."""
