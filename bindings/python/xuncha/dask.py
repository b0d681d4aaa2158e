"""Xuncha on Dask: evaluate a Dask DataFrame partition by partition on the workers of a cluster.

    from dask.distributed import Client
    import dask.dataframe as dd, xuncha.dask
    client = Client("scheduler:8786")
    data = dd.read_csv("population-*.csv", ...)
    results = xuncha.dask.evaluate("rulesets/national/2024.xr", data)   # a Dask DataFrame
    report = xuncha.dask.report("rulesets/national/2024.xr", data)      # xuncha.Report

Each worker process compiles the rule set once and keeps it (a per-process cache keyed by the
rule set's absolute path and content hash; a worker whose file differs from the client's
refuses to evaluate). Report figures are merged exactly: each partition's report state travels
to the client as bytes and the merge gives the same figures, to the bit, as one process over all
the records (runtime/interp/report.h, report_serial.cpp).
"""
from __future__ import annotations

import os
import threading
from typing import Any, Mapping, Optional

import dask
import dask.dataframe as dd

import xuncha

__all__ = ["evaluate", "report", "run"]

_cache: dict[tuple[str, str], xuncha.RuleSet] = {}
_cache_lock = threading.Lock()
_cache_loads = 0


def _rules(path: str, sha256: str) -> xuncha.RuleSet:
    """The compiled rule set of this process (loaded on first use, then reused)."""
    global _cache_loads
    with _cache_lock:
        rules = _cache.get((path, sha256))
        if rules is None:
            rules = xuncha.load(path)
            if rules.sha256 != sha256:
                raise RuntimeError(
                    f"rule set {path} on this worker is not the client's: its content hash is "
                    f"{rules.sha256}, the client's {sha256}; give every worker the same files")
            _cache[(path, sha256)] = rules
            _cache_loads += 1
        return rules


def cache_info() -> dict:
    """This process's rule set cache: how many rule sets it has loaded (for tests and
    monitoring: client.run(xuncha.dask.cache_info))."""
    with _cache_lock:
        return {"loads": _cache_loads, "rule_sets": sorted(f"{p}@{h[:12]}" for p, h in _cache)}


def _prepare(ruleset_path: str) -> tuple[str, xuncha.RuleSet]:
    path = os.path.abspath(str(ruleset_path))
    return path, xuncha.load(path)


def _evaluate_partition(frame, path, sha256, params, engine, columns, indicators, cache_dir):
    return _rules(path, sha256).evaluate(frame, params=params, engine=engine, columns=columns,
                                         indicators=indicators, cache_dir=cache_dir)


def _partial_partition(frame, path, sha256, params, engine, columns, indicators, cache_dir,
                       keep_results):
    results, partial = _rules(path, sha256).partial_report(
        frame, params=params, engine=engine, columns=columns, cache_dir=cache_dir,
        indicators=indicators)
    return (results, partial) if keep_results else partial


def evaluate(ruleset_path: str, data: dd.DataFrame, params: Optional[Mapping[str, Any]] = None,
             engine: str = "auto", columns: Optional[Mapping[str, str]] = None,
             indicators: bool = False, cache_dir: Optional[str] = None) -> dd.DataFrame:
    """The results of every record of `data` as a Dask DataFrame (one partition per partition of
    `data`, with its index), lazily: the same frame RuleSet.evaluate gives over all the records.
    Arguments as for xuncha.RuleSet.evaluate. The rule set file must be readable at the same
    path on every worker."""
    path, rules = _prepare(ruleset_path)
    meta = rules.empty_results(indicators)
    return data.map_partitions(_evaluate_partition, path, rules.sha256, dict(params or {}),
                               engine, dict(columns or {}), indicators, cache_dir, meta=meta)


def report(ruleset_path: str, data: dd.DataFrame, params: Optional[Mapping[str, Any]] = None,
           engine: str = "auto", columns: Optional[Mapping[str, str]] = None,
           cache_dir: Optional[str] = None) -> xuncha.Report:
    """The report figures over every record of `data`, computed now: each partition's report
    state on the workers, merged on the client. Exactly the figures of one process (and of
    `xuncha run --report`) over the same records."""
    path, rules = _prepare(ruleset_path)
    parts = [dask.delayed(_partial_partition)(p, path, rules.sha256, dict(params or {}), engine,
                                              dict(columns or {}), False, cache_dir, False)
             for p in data.to_delayed()]
    partials = dask.compute(*parts)
    return rules.merge_reports(partials, params)


def run(ruleset_path: str, data: dd.DataFrame, params: Optional[Mapping[str, Any]] = None,
        engine: str = "auto", columns: Optional[Mapping[str, str]] = None,
        indicators: bool = False, cache_dir: Optional[str] = None):
    """Results and report in one pass over the records: returns (results, partials), a Dask
    DataFrame and a Dask Delayed list of xuncha.PartialReport. Compute them together, then
    merge on the client:

        results, partials = xuncha.dask.run(path, data)
        frame, parts = dask.compute(results, partials)   # or results.to_parquet(...) alongside
        figures = xuncha.load(path).merge_reports(parts)
    """
    path, rules = _prepare(ruleset_path)
    meta = rules.empty_results(indicators)
    both = [dask.delayed(_partial_partition, nout=2)(
                p, path, rules.sha256, dict(params or {}), engine, dict(columns or {}),
                indicators, cache_dir, True)
            for p in data.to_delayed()]
    results = dd.from_delayed([b[0] for b in both], meta=meta, divisions=data.divisions,
                              verify_meta=False)
    partials = dask.delayed(list)([b[1] for b in both])
    return results, partials
