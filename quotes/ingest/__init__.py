"""Articles in: reading files and their metadata, running extraction over many of them (processes,
a Dask cluster), and storing the results."""
