"""Engines: thin adapters that run the per-document pipeline over a corpus.

The pipeline is a pure function of one record (``worker.analyse_record``); an
engine only decides where it runs: in this process (``local``), on all cores of
this machine (``processes``), or on a Dask cluster (``dask``).
"""

ENGINES = ("local", "processes", "dask")
