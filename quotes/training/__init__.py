"""Training the bundled Stanza models (`quotes train-models`) and scoring a model folder."""
