"""Where one document's time goes inside factx, stage by stage, as JSON on stdout.

    python benchmarks/stages.py LANG FOLDER OUT

Run by ``throughput.py`` in a fresh process with one BLAS thread (OMP_NUM_THREADS=1: idle
BLAS threads spinning after each model call would be billed to whatever runs next). The
documents of FOLDER go through the packaged news pipeline in batches of 16, as `factx run`
sends them; each stage is timed by wall clock and by this process's CPU time (which holds
when other processes share the machine). The NER backends' span rules are the difference
between the backend with its rules and without. OUT receives the journal and the tables,
whose cost includes the fsyncs that make each batch durable.

Start-up is timed apart, as a worker process has it: its imports (no pandas: the tables
are the parent's), the pipeline built by ``serve.warm``, and the first batch through the
extractors (``first_batch``: the patterns compiled on first use and caches filled, with
the batch's own work, which the per-document stages give).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

STAGES = ("ner", "ner rules", "rules", "resolvers", "rows", "journal")
NER = {"natasha", "underthesea", "spacy", "stanza"}
BATCH = 16


class Clock:
    """Wall and CPU seconds per stage, added up."""

    def __init__(self) -> None:
        self.wall = dict.fromkeys(STAGES, 0.0)
        self.cpu = dict.fromkeys(STAGES, 0.0)

    @staticmethod
    def now() -> tuple[float, float]:
        return time.perf_counter(), time.process_time()

    def add(self, stage: str, since: tuple[float, float], sign: float = 1.0) -> None:
        wall, cpu = self.now()
        self.wall[stage] += sign * (wall - since[0])
        self.cpu[stage] += sign * (cpu - since[1])


def main(lang: str, folder: Path, out: Path) -> dict[str, object]:
    # Start-up as a worker process has it: its own imports (no pandas: the tables are the
    # parent's), then the pipeline built by serve.warm, then the first batch.
    t0 = Clock.now()
    from factx import sources
    from factx.batch.runner import Tools, located, rows
    from factx.batch.serve import warm as build
    from factx.pipeline import Pipelines, load_config
    from factx.resolve.overlaps import resolve_overlaps

    t1 = Clock.now()
    tools = Tools(Pipelines(load_config("news")))
    build([lang], tools)
    pipeline = tools.pipeline(lang)
    t2 = Clock.now()
    docs = list(sources.read([folder], lang))
    clock = Clock()
    names = [n for n, _ in pipeline.extractors]
    t3 = Clock.now()
    warm([d.body_view() for d in docs[:BATCH]], pipeline.extractors)
    t4 = Clock.now()
    from factx.batch import job
    from factx.batch.journal import Journal, item_key
    from factx.batch.merge import merge

    results = []
    for i in range(0, len(docs), BATCH):
        batch = docs[i : i + BATCH]
        views = [d.body_view() for d in batch]
        found: list[list] = [[] for _ in batch]
        for name, extractor in pipeline.extractors:
            for f, r in zip(found, timed(name, extractor, views, clock), strict=True):
                f.extend(r)
        for doc, view, f in zip(batch, views, found, strict=True):
            a = Clock.now()
            mentions = pipeline.names(view, pipeline.countries(resolve_overlaps(f, names)))
            clock.add("resolvers", a)
            b = Clock.now()
            results.append(rows(located(doc, mentions)))
            clock.add("rows", b)
    a = Clock.now()
    with Journal(out, "bench", force=True) as state:
        keys = [item_key(doc, "bench") for doc in docs]
        for i in range(0, len(docs), BATCH):
            state.commit(list(zip(keys[i : i + BATCH], results[i : i + BATCH], strict=True)), {})
        merge(job.Job((folder,), out), state, keys, job.Summary())
    clock.add("journal", a)
    n = len(docs)
    return {
        "docs": n,
        "chars": round(sum(len(d.text) for d in docs) / n),
        "imports": {"wall": t1[0] - t0[0], "cpu": t1[1] - t0[1]},
        "build": {"wall": t2[0] - t1[0], "cpu": t2[1] - t1[1]},
        # the first batch's extractors, patterns compiled on first use and caches included
        "first_batch": {"docs": min(BATCH, n), "wall": t4[0] - t3[0], "cpu": t4[1] - t3[1]},
        "ms_per_doc": {
            stage: {"wall": 1000 * clock.wall[stage] / n, "cpu": 1000 * clock.cpu[stage] / n}
            for stage in STAGES
        },
    }


def run(extractor, views: list) -> list[list]:
    many = getattr(extractor, "extract_many", None)
    return many(views) if many else [list(extractor.extract(v)) for v in views]


def warm(views: list, extractors: list) -> None:
    """First calls fill caches: not a document's cost."""
    for _, extractor in extractors:
        run(extractor, views)


def timed(name: str, extractor, views: list, clock: Clock) -> list[list]:
    """The extractor's mentions, its time added to its stage. A NER backend runs twice:
    without its span rules (.refine for natasha and spaCy, .names for underthesea), then
    with them, the difference being the rules' cost."""
    layer = next((k for k in ("refine", "names") if getattr(extractor, k, None)), None)
    rules = getattr(extractor, layer) if name in NER and layer else None
    if rules is not None:
        setattr(extractor, layer, None)
        a = Clock.now()
        run(extractor, views)
        clock.add("ner", a)
        clock.add("ner rules", a, sign=-1.0)
        setattr(extractor, layer, rules)
    a = Clock.now()
    got = run(extractor, views)
    clock.add("ner rules" if rules is not None else "ner" if name in NER else "rules", a)
    return got


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]))))
