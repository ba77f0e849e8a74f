"""The batch engine: documents in batches, run where the engine says, committed to a journal,
merged into the tables.

``job`` drives a run and ``merge`` writes its tables; ``runner`` is the per-batch function
every engine shares; ``work``, ``engines`` and ``dask_engine`` decide where batches run;
``journal`` keeps resume state; ``runinfo`` writes run.json; ``progress`` draws the bar.
"""
