"""NLP runtime: the Stanza pipelines and what makes them cheap and safe (exact faster decoding,
caps on what the models see)."""
