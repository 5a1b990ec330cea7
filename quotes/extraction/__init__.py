"""Extraction rules: statements and their speakers read off a parsed article (pure functions of the parse;
no Stanza, no database)."""
